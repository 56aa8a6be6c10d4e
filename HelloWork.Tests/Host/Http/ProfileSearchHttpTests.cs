using System.Net;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Domain.Employers;

namespace HelloWork.Tests.Host.Http;

/// <summary>R-SRC-3 and R-ACC-4 over HTTP on the real host with the demo data: the profile pages never carry jobseeker1's name, kana,
/// number, phone, e-mail, address or birth date; another establishment's token finds nothing; a jobseeker gets none of the employer
/// pages; company images are served typed by their content with nosniff.</summary>
public sealed class ProfileSearchHttpTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Jobseeker Jobseeker1, Actor Employer1, Actor Employer2)> DemoAsync() => await portal.QueryAsync(async db =>
    {
        var js1 = await db.Jobseekers.FirstAsync(j => j.Id == db.Users.Where(u => u.Email == "jobseeker1@example.jp").Select(u => u.JobseekerId).First(), Ct);
        var employers = await db.Users.Where(u => u.Email == "employer1@example.jp" || u.Email == "employer2@example.jp").OrderBy(u => u.Email).ToListAsync(Ct);
        return (js1, Of(employers[0]), Of(employers[1]));
    });

    private static Actor Of(AppUser u) => new(u.Id, u.Role, u.DisplayName, EstablishmentId: u.EstablishmentId);

    /// <summary>employer1's token for jobseeker1's public profile, as the search page would link it.</summary>
    private async Task<string> TokenForAsync(Actor employer, Guid jobseekerId)
    {
        var search = portal.Services.GetRequiredService<ProfileSearch>();
        var cards = (await search.SearchAsync(employer, new ProfileCriteria(PageSize: ProfileSearch.MaxPageSize), Ct)).Items;
        var token = (await search.ScopeAsync(employer.EstablishmentId!.Value, Ct)).Issue(jobseekerId);
        Assert.Contains(token, cards.Select(c => c.Token));
        return token;
    }

    private static IEnumerable<string> Secrets(Jobseeker js, string email) =>
    [
        js.Name, js.Name.Replace(" ", "", StringComparison.Ordinal), js.Kana, js.JobseekerNumber!, js.Phone!, js.Address!, email, js.Id.ToString(),
        js.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{js.BirthDate.Year}年{js.BirthDate.Month}月{js.BirthDate.Day}日",
    ];

    [Fact]
    public async Task The_search_and_profile_pages_show_jobseeker1s_profile_without_anything_that_identifies_them()
    {
        var (js1, employer1, _) = await DemoAsync();
        Assert.True(js1.ProfilePublic);
        using var client = await portal.NewClientAsync();
        await Forms.SignInAsync(client, "employer1@example.jp");

        var searchHtml = await client.GetStringAsync("/employer/talent", Ct);
        Assert.Contains("件の求職情報", searchHtml, StringComparison.Ordinal);
        var detailHtml = await client.GetStringAsync("/employer/talent/profile?p=" + Uri.EscapeDataString(await TokenForAsync(employer1, js1.Id)), Ct);
        Assert.Contains(js1.Wishes.DesiredOccupation, detailHtml, StringComparison.Ordinal);
        Assert.Contains("リクエストを送る", detailHtml, StringComparison.Ordinal);
        // Every profile linked from the first page, too.
        var links = (await Forms.GetPageAsync(client, "/employer/talent")).QuerySelectorAll("a[href^='/employer/talent/profile?p=']")
            .Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        var pages = new List<string> { searchHtml, detailHtml };
        foreach (var link in links)
        {
            pages.Add(await client.GetStringAsync(link, Ct));
        }
        // No jobseeker's database id either, in any spelling: the pages name profiles only by this establishment's tokens.
        var ids = await portal.QueryAsync(async db => (await db.Jobseekers.Select(j => j.Id).ToListAsync(Ct))
            .SelectMany(id => new[] { id.ToString(), id.ToString("N") }).ToList());
        foreach (var html in pages)
        {
            foreach (var secret in Secrets(js1, "jobseeker1@example.jp").Concat(ids))
            {
                Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
            }
        }
        var sentHtml = await client.GetStringAsync("/employer/talent/requests", Ct);
        Assert.Contains("送信したリクエスト", sentHtml, StringComparison.Ordinal);
        foreach (var secret in Secrets(js1, "jobseeker1@example.jp"))
        {
            Assert.DoesNotContain(secret, sentHtml, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Employer2_cannot_open_a_profile_with_employer1s_token_and_a_jobseeker_gets_no_employer_page()
    {
        var (js1, employer1, _) = await DemoAsync();
        var token = await TokenForAsync(employer1, js1.Id);
        using var employer2 = await portal.NewClientAsync();
        await Forms.SignInAsync(employer2, "employer2@example.jp");
        var page = await employer2.GetStringAsync("/employer/talent/profile?p=" + Uri.EscapeDataString(token), Ct);
        Assert.DoesNotContain(js1.Wishes.DesiredOccupation + "</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("リクエストを送る", page, StringComparison.Ordinal);

        using var jobseeker = await portal.NewClientAsync();
        await Forms.SignInAsync(jobseeker, "jobseeker1@example.jp");
        foreach (var path in new[] { "/employer/talent", "/employer/talent/requests", "/employer/establishment", "/employer/establishment/users",
                     "/employer/talent/profile?p=" + Uri.EscapeDataString(token) })
        {
            using var response = await jobseeker.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("件の求職情報", body, StringComparison.Ordinal);
            Assert.DoesNotContain("ログインユーザーの追加", body, StringComparison.Ordinal);
            Assert.DoesNotContain("事業所PR", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_company_image_is_served_with_its_sniffed_type_and_nosniff_and_an_unknown_one_is_not_found()
    {
        var (imageId, offerNumber) = await portal.QueryAsync(async db =>
        {
            var est = await db.Users.Where(u => u.Email == "employer1@example.jp").Select(u => u.EstablishmentId!.Value).FirstAsync(Ct);
            var image = await db.EstablishmentImages.Where(i => i.EstablishmentId == est).OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync(Ct);
            var today = JapanTime.DateOf(DateTimeOffset.UtcNow);
            var offer = await db.JobOffers.Where(o => o.EstablishmentId == est && o.Status == OfferStatus.Published && o.ValidUntil >= today
                && o.Scope == PublicationScope.PublicWithName).Select(o => o.JobNumber).FirstAsync(Ct);
            return (image, offer!);
        });
        using var anonymous = await portal.NewClientAsync();
        using var response = await anonymous.GetAsync($"/establishment-images/{imageId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(FileSniffer.Png, FileSniffer.Detect(await response.Content.ReadAsByteArrayAsync(Ct)));

        using var unknown = await anonymous.GetAsync($"/establishment-images/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The job sheet of an offer published with the name shows the gallery, captions as alt text.
        var sheet = await Forms.GetPageAsync(anonymous, $"/jobs/{offerNumber}");
        var img = sheet.QuerySelector($"img[src='/establishment-images/{imageId}']");
        Assert.NotNull(img);
        Assert.Equal("本社外観", img.GetAttribute("alt"));
    }

    /// <summary>REFERENCE.md: images are published after a staff check. Over HTTP: an image waiting for the check is the same 404 as an
    /// unknown one for the public, another establishment and another office, and is served to its establishment and its office's staff;
    /// once staff1 approves it, anyone gets it and the job sheet shows it.</summary>
    [Fact]
    public async Task A_company_image_waiting_for_the_check_is_not_found_by_the_public_until_its_office_approves_it()
    {
        var (_, employer1, _) = await DemoAsync();
        var staff1 = await portal.QueryAsync(async db =>
        {
            var u = await db.Users.FirstAsync(u => u.Email == "staff1@example.jp", Ct);
            return new Actor(u.Id, u.Role, u.DisplayName, OfficeId: u.OfficeId);
        });
        var offerNumber = await portal.QueryAsync(db =>
        {
            var today = JapanTime.DateOf(DateTimeOffset.UtcNow);
            return db.JobOffers.Where(o => o.EstablishmentId == employer1.EstablishmentId && o.Status == OfferStatus.Published && o.ValidUntil >= today
                && o.Scope == PublicationScope.PublicWithName).Select(o => o.JobNumber!).FirstAsync(Ct);
        });
        var profiles = portal.Services.GetRequiredService<EstablishmentProfileService>();
        var id = await profiles.AddImageAsync(employer1, new UploadedFile("http.png", EstablishmentProfileTests.Png(64, 48)), "HTTP確認用の画像", Ct);
        try
        {
            var path = $"/establishment-images/{id}";
            using var anonymous = await portal.NewClientAsync();
            using var employer = await portal.NewClientAsync();
            await Forms.SignInAsync(employer, "employer1@example.jp");
            using var otherEmployer = await portal.NewClientAsync();
            await Forms.SignInAsync(otherEmployer, "employer2@example.jp");
            using var staff = await portal.NewClientAsync();
            await Forms.SignInAsync(staff, "staff1@example.jp");
            using var otherStaff = await portal.NewClientAsync();
            await Forms.SignInAsync(otherStaff, "staff2@example.jp");

            foreach (var outsider in new[] { anonymous, otherEmployer, otherStaff })
            {
                using var hidden = await outsider.GetAsync(path, Ct);
                Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            }
            foreach (var insider in new[] { employer, staff })
            {
                using var shown = await insider.GetAsync(path, Ct);
                Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            }
            Assert.Null((await Forms.GetPageAsync(anonymous, $"/jobs/{offerNumber}")).QuerySelector($"img[src='{path}']"));

            var review = portal.Services.GetRequiredService<ImageReviewService>();
            var queued = (await review.PendingAsync(staff1, Ct)).Single(p => p.ImageId == id);
            await review.ApproveAsync(staff1, id, queued.SubmittedAt, Ct);

            using var approved = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.Equal(FileSniffer.Png, FileSniffer.Detect(await approved.Content.ReadAsByteArrayAsync(Ct)));
            Assert.Equal("HTTP確認用の画像", (await Forms.GetPageAsync(anonymous, $"/jobs/{offerNumber}")).QuerySelector($"img[src='{path}']")?.GetAttribute("alt"));
        }
        finally
        {
            await profiles.DeleteImageAsync(employer1, id, Ct);
        }
    }
}
