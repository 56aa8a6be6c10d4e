using System.Text;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Search;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Jobseekers;

/// <summary>R-ERR-1 on applying and messaging: each bad input is refused with its own message code and nothing is half-saved.</summary>
public sealed class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UploadedFile Pdf(string name) => new(name, DemoSeeder.MinimalPdf(name));

    private static async Task AssertNothingSavedAsync(DomainWorld world)
    {
        Assert.Equal(0, await world.WithDbAsync(db => db.Applications.CountAsync(a => a.JobseekerId == world.Jobseeker2.Id, Ct)));
        Assert.Equal(0, await world.WithDbAsync(db => db.ApplicationDocuments.CountAsync(Ct)));
        Assert.Equal(0, await world.WithDbAsync(db => db.Notices.CountAsync(Ct)));
    }

    private static async Task<DomainException> RefusedAsync(DomainWorld world, string motivation, params UploadedFile[] files) =>
        await Assert.ThrowsAsync<DomainException>(() => world.Applications.ApplyAsync(world.JobseekerActor2,
            new ApplyInput(world.Offer1.Id, motivation, files, SelfApplicationAcknowledged: true), Ct));

    [Fact]
    public async Task A_renamed_executable_sent_as_a_PDF_is_refused_by_its_content()
    {
        await using var world = await DomainWorld.CreateAsync();
        var elf = new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0 }.Concat(new byte[4096]).ToArray();
        var exe = Encoding.ASCII.GetBytes("MZ\u0090\0").Concat(new byte[4096]).ToArray();
        foreach (var content in new[] { elf, exe })
        {
            var e = await RefusedAsync(world, "志望動機です。", Pdf("職務経歴書.pdf"), new UploadedFile("履歴書.pdf", content));
            Assert.Equal(("FileTypeNotAccepted", "Documents"), (e.Code, e.Field));
            Assert.Equal("履歴書.pdf", e.Args[0]);
        }
        await AssertNothingSavedAsync(world);
    }

    [Fact]
    public async Task A_sixth_file_an_oversized_file_and_an_empty_file_are_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var six = Enumerable.Range(1, 6).Select(i => Pdf($"書類{i}.pdf")).ToArray();
        Assert.Equal("TooManyFiles", (await RefusedAsync(world, "志望動機です。", six)).Code);
        var big = new UploadedFile("大きい.pdf", [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[ApplicationDocument.MaxBytes]]);
        Assert.Equal("FileTooLarge", (await RefusedAsync(world, "志望動機です。", big)).Code);
        Assert.Equal("FileTooLarge", (await RefusedAsync(world, "志望動機です。", new UploadedFile("空.pdf", []))).Code);
        await AssertNothingSavedAsync(world);

        // Five files of exactly 5 MB are accepted.
        var five = Enumerable.Range(1, 5).Select(i => new UploadedFile($"書類{i}.pdf", [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[ApplicationDocument.MaxBytes - 9]])).ToArray();
        await world.Applications.ApplyAsync(world.JobseekerActor2, new ApplyInput(world.Offer1.Id, "志望動機です。", five, SelfApplicationAcknowledged: true), Ct);
        Assert.Equal(5, await world.WithDbAsync(db => db.ApplicationDocuments.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_over_long_or_empty_motivation_and_a_missing_acknowledgement_are_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var tooLong = await RefusedAsync(world, new string('あ', Application.MaxMotivationLength + 1), Pdf("履歴書.pdf"));
        Assert.Equal(("TooLong", "Motivation"), (tooLong.Code, tooLong.Field));
        Assert.Equal(("Required", "Motivation"), ((await RefusedAsync(world, "   ")).Code, (await RefusedAsync(world, "   ")).Field));
        var unacknowledged = await Assert.ThrowsAsync<DomainException>(() => world.Applications.ApplyAsync(world.JobseekerActor2,
            new ApplyInput(world.Offer1.Id, "志望動機です。", []), Ct));
        Assert.Equal("SelfApplicationNeedsAcknowledgement", unacknowledged.Code); // R-SELF-2
        await AssertNothingSavedAsync(world);
    }

    [Fact]
    public async Task Markup_in_a_message_is_stored_as_typed_and_never_interpreted()
    {
        await using var world = await DomainWorld.CreateAsync();
        var id = await world.Applications.ApplyAsync(world.JobseekerActor2, new ApplyInput(world.Offer1.Id, "<b>志望動機</b>", [], SelfApplicationAcknowledged: true), Ct);
        var messages = new MessageService(world.Ops);
        const string markup = "<script>alert('x')</script><img src=x onerror=alert(1)>面接日の件";
        await messages.SendAsync(world.JobseekerActor2, id, markup, Ct);

        var thread = await messages.ReadThreadAsync(world.EmployerActor1, id, Ct);
        Assert.Equal(markup, Assert.Single(thread).Body);
        var tooLong = await Assert.ThrowsAsync<DomainException>(() => messages.SendAsync(world.JobseekerActor2, id, new string('あ', Message.MaxLength + 1), Ct));
        Assert.Equal("TooLong", tooLong.Code);
        Assert.Single(await messages.ReadThreadAsync(world.JobseekerActor2, id, Ct));
    }

    [Fact]
    public async Task A_self_application_answers_the_open_direct_request_and_a_declined_one_cannot_be_answered_again()
    {
        await using var world = await DomainWorld.CreateAsync();
        var first = new DirectRequest(world.Offer1.Id, world.Establishment1.Id, world.Jobseeker2.Id, "ぜひご応募ください。", world.Clock.GetUtcNow());
        var second = new DirectRequest(world.Offer2.Id, world.Establishment2.Id, world.Jobseeker2.Id, "ご検討ください。", world.Clock.GetUtcNow());
        await world.WithDbAsync(db => { db.DirectRequests.AddRange(first, second); return db.SaveChangesAsync(Ct); });
        var requests = new DirectRequestService(world.Ops);

        await world.Applications.ApplyAsync(world.JobseekerActor2, new ApplyInput(world.Offer1.Id, "リクエストありがとうございます。", [], SelfApplicationAcknowledged: true), Ct);
        await requests.DeclineAsync(world.JobseekerActor2, second.Id, Ct);
        await Assert.ThrowsAsync<ScopeException>(() => requests.DeclineAsync(world.JobseekerActor1, first.Id, Ct));
        Assert.Equal("RequestAlreadyAnswered", (await Assert.ThrowsAsync<DomainException>(() => requests.DeclineAsync(world.JobseekerActor2, second.Id, Ct))).Code);

        var list = await requests.ListAsync(world.JobseekerActor2, Ct);
        Assert.Equal(DirectRequestStatus.Applied, list.Single(r => r.Title == world.Offer1.Title && r.JobNumber == world.Offer1.JobNumber).Status);
        Assert.Equal(DirectRequestStatus.Declined, list.Single(r => r.JobNumber == world.Offer2.JobNumber).Status);
    }
}
