using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using static HelloWork.Tests.Domain.Samples;
using HelloWork.Tests.Support;

namespace HelloWork.Tests.Domain.Applications;

/// <summary>
/// Applying, cancelling and registering results through the real <see cref="Operations"/> on a migrated SQLite file,
/// with the clock from a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>.
/// </summary>
public sealed class ApplicationServiceTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% 履歴書\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private DomainWorld database = null!;
    private Office office = null!;
    private Establishment employer1 = null!;
    private Establishment employer2 = null!;
    private JobOffer offer = null!;
    private Jobseeker jobseeker = null!;

    private Actor Applicant => JobseekerActor(jobseeker);

    public async ValueTask InitializeAsync()
    {
        database = await DomainWorld.CreateEmptyAsync(Jst(2026, 11, 23, 10));
        await database.ArrangeAsync(async db =>
        {
            office = Samples.Office();
            employer1 = Samples.Establishment(office, 1, database.Now);
            employer2 = Samples.Establishment(office, 2, database.Now);
            offer = AcceptedOffer(office, employer1.Id, database.Now.AddDays(-3));
            jobseeker = Samples.Jobseeker(database.Now);
            db.AddRange(office, employer1, employer2, offer, jobseeker);
            await Task.CompletedTask;
            return true;
        });
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private Task<Guid> ApplyWithDocumentAsync() => database.Applications.ApplyAsync(Applicant,
        new ApplyInput(offer.Id, "貴社の製品づくりに携わりたく応募しました。", [new UploadedFile("履歴書.pdf", Pdf)], SelfApplicationAcknowledged: true));

    private static ResultInput NotHired(int reason = 4) => new(ResultOutcome.NotHired, reason, false, null, null);

    [Fact]
    public async Task Applying_stores_the_application_its_documents_and_a_notice_to_the_employer()
    {
        var id = await ApplyWithDocumentAsync();

        var (application, documents, notices) = await database.WithDbAsync(async db => (
            await db.Applications.SingleAsync(a => a.Id == id),
            await db.ApplicationDocuments.Where(d => d.ApplicationId == id).ToListAsync(),
            await db.Notices.Where(n => n.Recipient == Recipients.Establishment(employer1.Id)).ToListAsync()));
        Assert.Equal(ApplicationStatus.InSelection, application.Status);
        Assert.Equal(ApplicationMethod.SelfApplication, application.Method);
        Assert.Equal(database.Now, application.AppliedAt);
        var document = Assert.Single(documents);
        Assert.Equal(FileSniffer.Pdf, document.ContentType);
        Assert.Equal(Pdf, document.Content);
        Assert.Contains(notices, n => n.Kind == NoticeKind.ApplicationReceived && n.SubjectId == id);
    }

    [Fact]
    public async Task A_self_application_needs_the_acknowledgement_that_it_is_not_a_referral()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => database.Applications.ApplyAsync(Applicant,
            new ApplyInput(offer.Id, "志望動機", [], SelfApplicationAcknowledged: false)));

        Assert.Equal("SelfApplicationNeedsAcknowledgement", refusal.Code);
        Assert.Equal(0, await database.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task A_second_live_application_to_the_same_offer_is_refused()
    {
        await ApplyWithDocumentAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(ApplyWithDocumentAsync);

        Assert.Equal("AlreadyApplied", refusal.Code);
        Assert.Equal(1, await database.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Cancelling_just_before_24_hours_deletes_the_document_rows_and_notifies_the_employer()
    {
        var id = await ApplyWithDocumentAsync();
        database.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        await database.Applications.CancelAsync(Applicant, id);

        var (application, documentRows, cancelNotices) = await database.WithDbAsync(async db => (
            await db.Applications.SingleAsync(a => a.Id == id),
            await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id),
            await db.Notices.CountAsync(n => n.Kind == NoticeKind.ApplicationCancelled && n.SubjectId == id)));
        Assert.Equal(ApplicationStatus.Cancelled, application.Status);
        Assert.Equal(0, documentRows); // the rows — content included — are gone, not flagged (R-DOC-1)
        Assert.Equal(database.Now, application.DocumentsDeletedAt);
        Assert.Equal(1, cancelNotices);
    }

    [Fact]
    public async Task Cancelling_at_24_hours_is_refused_and_keeps_the_documents()
    {
        var id = await ApplyWithDocumentAsync();
        database.Clock.Advance(TimeSpan.FromHours(24));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => database.Applications.CancelAsync(Applicant, id));

        Assert.Equal("CancelWindowClosed", refusal.Code);
        Assert.Equal(ApplicationStatus.InSelection, await database.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await database.WithDbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id)));
    }

    [Fact]
    public async Task Another_jobseeker_cannot_cancel_the_application()
    {
        var id = await ApplyWithDocumentAsync();
        var other = JobseekerActor(Samples.Jobseeker(database.Now, "佐藤 花子"));

        await Assert.ThrowsAsync<ScopeException>(() => database.Applications.CancelAsync(other, id));
    }

    [Fact]
    public async Task The_employer_registers_a_result_and_the_documents_are_deleted()
    {
        var id = await ApplyWithDocumentAsync();
        database.Clock.Advance(TimeSpan.FromDays(3));

        await database.Applications.RegisterResultAsync(EmployerActor(employer1), id, NotHired());

        var (application, documentRows) = await database.WithDbAsync(async db => (
            await db.Applications.SingleAsync(a => a.Id == id),
            await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id)));
        Assert.Equal(ApplicationStatus.NotHired, application.Status);
        Assert.Equal(ResultChannel.EmployerOnline, application.ResultChannel);
        Assert.Equal(0, documentRows);
    }

    [Fact]
    public async Task A_result_with_reason_8_records_the_applicants_withdrawal()
    {
        var id = await ApplyWithDocumentAsync();
        database.Clock.Advance(TimeSpan.FromDays(5));

        await database.Applications.RegisterResultAsync(EmployerActor(employer1), id, NotHired(SelectionReasons.ApplicantWithdrew));

        Assert.Equal(ApplicationStatus.Withdrawn, await database.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Employer2_cannot_register_a_result_for_an_application_to_employer1()
    {
        var id = await ApplyWithDocumentAsync();

        await Assert.ThrowsAsync<ScopeException>(() => database.Applications.RegisterResultAsync(EmployerActor(employer2), id, NotHired()));

        var (application, documentRows) = await database.WithDbAsync(async db => (
            await db.Applications.SingleAsync(a => a.Id == id),
            await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id)));
        Assert.Equal(ApplicationStatus.InSelection, application.Status);
        Assert.Null(application.ResultRegisteredAt);
        Assert.Equal(1, documentRows);
    }

    [Fact]
    public async Task Staff_of_another_office_cannot_register_a_result()
    {
        var id = await ApplyWithDocumentAsync();

        await Assert.ThrowsAsync<ScopeException>(() =>
            database.Applications.RegisterResultAsync(StaffActor(Samples.Office("27010")), id, NotHired()));
    }

    [Fact]
    public async Task Past_the_end_of_the_month_three_months_after_invalidation_the_employer_is_refused_but_staff_may_register()
    {
        var id = await ApplyWithDocumentAsync();
        // Withdrawn on 15 December 2026 (Japan time): results online until 31 March 2027.
        database.Clock.SetUtcNow(Jst(2026, 12, 15, 12));
        await database.ArrangeAsync(async db =>
        {
            var stored = await db.JobOffers.SingleAsync(o => o.Id == offer.Id);
            stored.Close(InvalidReason.Withdrawn, database.Now);
            return true;
        });

        database.Clock.SetUtcNow(Jst(2027, 4, 1));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => database.Applications.RegisterResultAsync(EmployerActor(employer1), id, NotHired()));
        Assert.Equal("ResultDeadlinePassed", refusal.Code);

        await database.Applications.RegisterResultAsync(StaffActor(office), id, NotHired());
        Assert.Equal(ResultChannel.StaffEntered, await database.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.ResultChannel).SingleAsync()));
    }

    [Fact]
    public async Task On_the_last_day_of_the_window_the_employer_can_still_register_the_result()
    {
        var id = await ApplyWithDocumentAsync();
        database.Clock.SetUtcNow(Jst(2026, 12, 15, 12));
        await database.ArrangeAsync(async db =>
        {
            (await db.JobOffers.SingleAsync(o => o.Id == offer.Id)).Close(InvalidReason.Filled, database.Now);
            return true;
        });

        database.Clock.SetUtcNow(Jst(2027, 3, 31, 23, 59, 59));
        await database.Applications.RegisterResultAsync(EmployerActor(employer1), id, NotHired());

        Assert.Equal(ApplicationStatus.NotHired, await database.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Applying_to_an_offer_past_its_validity_is_refused()
    {
        database.Clock.SetUtcNow(JapanTime.EndOf(offer.ValidUntil!.Value));

        var refusal = await Assert.ThrowsAsync<DomainException>(ApplyWithDocumentAsync);

        Assert.Equal("OfferNotOpen", refusal.Code);
    }
}
