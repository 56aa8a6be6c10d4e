using Bunit;
using HelloWork.Domain.Common;
using HelloWork.Web.Components.Jobseeker;
using HelloWork.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Components.Jobseeker;

/// <summary>
/// オンライン自主応募 (R-SELF-1, R-ERR-1, R-UI-1): the application is read back before it is sent — 入力内容を確認する shows what the
/// employer will receive and stores nothing; 修正する returns to the form with everything kept; 応募する sends it. A refusal at sending
/// returns to the form with the message beside its field, and nothing is stored.
/// </summary>
public sealed class SelfApplyReviewTests : ComponentTest
{
    private Guid? applied;

    private IRenderedComponent<ApplyForm> ShowForm()
    {
        SignIn(World.JobseekerActor2);
        return Show<ApplyForm>(p => p.Add(x => x.JobOfferId, World.Offer1.Id).Add(x => x.SelfApplication, true)
            .Add(x => x.OnApplied, id => applied = id));
    }

    private Task<int> StoredAsync() => World.WithDbAsync(db => db.Applications.CountAsync(a => a.JobseekerId == World.Jobseeker2.Id, Ct));

    private static void Click(IRenderedComponent<ApplyForm> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    private void Fill(IRenderedComponent<ApplyForm> cut, string motivation, bool acknowledge)
    {
        if (acknowledge)
        {
            cut.Find("input[type=checkbox]").Change(true);
        }
        Enter(cut.Find("textarea"), motivation);
    }

    [Fact]
    public async Task The_review_shows_what_will_be_sent_and_stores_nothing_until_it_is_sent()
    {
        var cut = ShowForm();
        Fill(cut, "物流の経験を活かしたいと考え応募しました。", acknowledge: true);

        Click(cut, Text<JobseekerText>("ReviewApplication"));

        var review = cut.Find("#apply-review");
        Assert.Contains("物流の経験を活かしたいと考え応募しました。", review.TextContent, StringComparison.Ordinal);
        Assert.Contains(Text<JobseekerText>("None"), review.TextContent, StringComparison.Ordinal); // no documents
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Equal(0, await StoredAsync());

        Click(cut, Text<JobseekerText>("SubmitApplication"));

        cut.WaitForAssertion(() => Assert.NotNull(applied));
        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task Edit_returns_to_the_form_with_what_was_typed()
    {
        var cut = ShowForm();
        Fill(cut, "接客の経験があります。", acknowledge: true);
        Click(cut, Text<JobseekerText>("ReviewApplication"));

        Click(cut, Text<JobseekerText>("EditApplication"));

        Assert.Empty(cut.FindAll("#apply-review"));
        Assert.Equal("接客の経験があります。", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task A_refusal_at_sending_returns_to_the_form_with_the_message_beside_its_field()
    {
        var cut = ShowForm();
        Fill(cut, "志望動機です。", acknowledge: false); // the acknowledgement R-SELF-1 requires is missing
        Click(cut, Text<JobseekerText>("ReviewApplication"));

        Click(cut, Text<JobseekerText>("SubmitApplication"));

        cut.WaitForAssertion(() => Assert.Contains(Error(ErrorCodes.SelfApplicationNeedsAcknowledgement), cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#apply-review"));
        Assert.Null(applied);
        Assert.Equal(0, await StoredAsync());
    }
}
