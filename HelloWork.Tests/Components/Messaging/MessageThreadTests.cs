using AngleSharp.Dom;
using Bunit;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Messaging;
using HelloWork.Web.Resources;
using Microsoft.EntityFrameworkCore;
using EmployerThread = HelloWork.Web.Components.Pages.Employer.Applicants.MessageThread;
using JobseekerThread = HelloWork.Web.Components.Jobseeker.MessageThread;

namespace HelloWork.Tests.Components.Messaging;

/// <summary>
/// The message thread on both sides of an application (R-MSG-1/2): text only (markup shows as typed), each side's messages marked,
/// the other side's read when the thread is shown, a refused send says why next to the field and saves nothing, a closed thread
/// shows its reason instead of the form, and another establishment cannot open it (R-ACC-4).
/// </summary>
public sealed class MessageThreadTests : ComponentTest
{
    private async Task<Guid> ApplyAsync() =>
        await World.Applications.ApplyAsync(World.JobseekerActor2,
            new ApplyInput(World.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

    private MessageService Messages => new(World.Ops);

    private Task<List<Message>> StoredAsync(Guid application) =>
        World.WithDbAsync(db => db.Messages.AsNoTracking().Where(m => m.ApplicationId == application).OrderBy(m => m.SentAt).ToListAsync(Ct));

    private static void Type(IElement field, string text) => Enter(field, text);

    private IElement Send(IRenderedComponent<JobseekerThread> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains(Text<JobseekerText>("Send"), StringComparison.Ordinal));

    [Fact]
    public async Task An_empty_thread_says_so_and_offers_the_form()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);

        var cut = Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id));

        Assert.Contains(Text<JobseekerText>("NoMessages"), cut.Markup, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("textarea"));
    }

    [Fact]
    public async Task The_jobseeker_sends_and_sees_the_message_as_their_own()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);
        var cut = Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id));

        Type(cut.Find("textarea"), "面接日程の件でご連絡します。");
        await Send(cut).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("面接日程の件でご連絡します。", cut.Find("li.message-own .pre-line").TextContent));
        var stored = Assert.Single(await StoredAsync(id));
        Assert.Equal(MessageSide.Jobseeker, stored.From);
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent);
    }

    [Fact]
    public async Task Markup_in_a_message_is_shown_as_text()
    {
        var id = await ApplyAsync();
        await Messages.SendAsync(World.EmployerActor1, id, "<script>alert('x')</script><b>太字</b>", Ct);
        SignIn(World.JobseekerActor2);

        var cut = Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id));

        Assert.Empty(cut.FindAll("li script, li b"));
        Assert.Equal("<script>alert('x')</script><b>太字</b>", cut.Find("li.message-other .pre-line").TextContent);
    }

    [Fact]
    public async Task Showing_the_thread_marks_the_other_sides_messages_read()
    {
        var id = await ApplyAsync();
        await Messages.SendAsync(World.EmployerActor1, id, "書類を確認しました。", Ct);
        Assert.Null(Assert.Single(await StoredAsync(id)).ReadAt);
        SignIn(World.JobseekerActor2);

        Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id));

        Assert.NotNull(Assert.Single(await StoredAsync(id)).ReadAt);
    }

    [Fact]
    public async Task An_empty_message_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);
        var cut = Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id));

        await Send(cut).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(ErrorUnder(cut.Find(".mud-input-control")))));
        Assert.Empty(await StoredAsync(id));
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused_and_nothing_is_saved()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);
        var cut = Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id));

        Type(cut.Find("textarea"), new string('あ', Message.MaxLength + 1));
        await Send(cut).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(ErrorUnder(cut.Find(".mud-input-control")))));
        Assert.Empty(await StoredAsync(id));
    }

    [Fact]
    public async Task A_closed_thread_shows_the_reason_instead_of_the_form()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);

        var cut = Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id).Add(x => x.ClosedReason, ThreadClosedReason.ApplicationCancelled));

        Assert.Empty(cut.FindAll("textarea"));
        Assert.Contains(Error("MessagingClosed." + ThreadClosedReason.ApplicationCancelled), cut.Find(".mud-alert").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_from_the_page_reloads_the_thread_live()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);
        var cut = Show<JobseekerThread>(p => p.Add(x => x.ApplicationId, id));
        await Messages.SendAsync(World.EmployerActor1, id, "面接は来週です。", Ct);
        Assert.Empty(cut.FindAll("li"));

        cut.Render(p => p.Add(x => x.Version, 1));

        cut.WaitForAssertion(() => Assert.Equal("面接は来週です。", cut.Find("li.message-other .pre-line").TextContent));
    }

    [Fact]
    public async Task The_employer_sends_and_both_sides_are_marked()
    {
        var id = await ApplyAsync();
        await Messages.SendAsync(World.JobseekerActor2, id, "よろしくお願いします。", Ct);
        SignIn(World.EmployerActor1);
        var cut = Show<EmployerThread>(p => p.Add(x => x.ApplicationId, id));

        Type(cut.Find("textarea"), "面接日をご案内します。");
        await cut.FindAll("button").Single(b => b.TextContent.Contains(Text<EmployerText>("Send"), StringComparison.Ordinal)).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("ol.hw-thread li").Count));
        Assert.Contains("よろしくお願いします。", cut.Find("li.hw-theirs").TextContent, StringComparison.Ordinal);
        Assert.Contains("面接日をご案内します。", cut.Find("li.hw-mine").TextContent, StringComparison.Ordinal);
        Assert.Equal([MessageSide.Jobseeker, MessageSide.Employer], (await StoredAsync(id)).Select(m => m.From));
    }

    [Fact]
    public async Task Another_establishment_cannot_open_the_thread()
    {
        var id = await ApplyAsync();
        await Messages.SendAsync(World.JobseekerActor2, id, "個人的な内容です。", Ct);
        SignIn(World.EmployerActor2);

        var refused = Record.Exception(() => Show<EmployerThread>(p => p.Add(x => x.ApplicationId, id)));

        Assert.IsType<ScopeException>(refused is AggregateException a ? a.InnerException : refused);
        Assert.Null(Assert.Single(await StoredAsync(id)).ReadAt);
    }
}
