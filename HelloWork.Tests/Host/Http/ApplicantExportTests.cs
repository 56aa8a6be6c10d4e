using System.Net;
using System.Text;

using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Domain.Employers;

namespace HelloWork.Tests.Host.Http;

/// <summary>選択した応募者の一覧 (CSV) on the real host (R-APP-2, R-ACC-4): employer1 gets the selected rows of its own applicant list, UTF-8
/// with BOM, with the list's columns and nothing more; employer2, a jobseeker, staff and strangers get nothing about them.</summary>
public sealed class ApplicantExportTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Pick(Guid Id, string Name, string Motivation, string? JobNumber);

    private Task<List<Pick>> ApplicantsOfEmployer1Async(string? notNamed = null) => portal.QueryAsync(db =>
        (from a in db.Applications
         join u in db.Users on a.EstablishmentId equals u.EstablishmentId
         join j in db.Jobseekers on a.JobseekerId equals j.Id
         join o in db.JobOffers on a.JobOfferId equals o.Id
         where u.Email == "employer1@example.jp" && a.Motivation.Length > 5 && j.Name != notNamed
         orderby a.Id
         select new Pick(a.Id, j.Name, a.Motivation, o.JobNumber)).Take(3).ToListAsync(Ct));

    [Fact]
    public async Task Employer1_downloads_the_selected_applicants_as_a_bom_csv_without_motivations()
    {
        var picks = await ApplicantsOfEmployer1Async();
        Assert.Equal(3, picks.Count);
        using var client = await Api.SignedInAsync(portal, "employer1@example.jp");

        using var response = await client.GetAsync($"/employer/applicants.csv?ids={string.Join(',', picks.Select(p => p.Id))}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("選考状況,応募者氏名,フリガナ,マイページ,応募方法,紹介・応募日,結果登録日,求人番号,職種", lines[0]);
        Assert.Equal(4, lines.Length);
        // One row per selected application: the same person may have applied twice to one offer (a cancelled application and
        // a later one), so rows are counted per person and offer, not required to be unique by them.
        foreach (var same in picks.GroupBy(p => (p.Name, p.JobNumber)))
        {
            Assert.Equal(same.Count(), lines.Count(l => l.Contains(same.Key.Name, StringComparison.Ordinal) && l.Contains(same.Key.JobNumber ?? "", StringComparison.Ordinal)));
        }
        foreach (var p in picks)
        {
            Assert.DoesNotContain(lines, l => l.Contains(p.Motivation, StringComparison.Ordinal));
        }
        Assert.True(await portal.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ApplicantsExported" && a.Detail == "3", Ct)));
    }

    [Theory]
    [InlineData("employer2@example.jp")]
    [InlineData("jobseeker1@example.jp")]
    [InlineData("staff1@example.jp")]
    [InlineData("agency1@example.jp")]
    public async Task Nobody_else_gets_employer1s_applicants(string email)
    {
        // Someone else's application: the refusal page shows a jobseeker's own name in its header, so when the first pick (ordered by
        // a random id) was jobseeker1's own application, the name check failed on her own name (CI, 3 Dec).
        var own = await portal.QueryAsync(db => (from u in db.Users
                                                 join j in db.Jobseekers on u.JobseekerId equals j.Id
                                                 where u.Email == email
                                                 select j.Name).FirstOrDefaultAsync(Ct));
        var pick = (await ApplicantsOfEmployer1Async(notNamed: own)).First();
        using var client = await Api.SignedInAsync(portal, email);

        using var response = await client.GetAsync($"/employer/applicants.csv?ids={pick.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(pick.Name, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mixed_unknown_empty_or_malformed_selection_and_a_stranger_are_refused()
    {
        var picks = await ApplicantsOfEmployer1Async();
        using var employer1 = await Api.SignedInAsync(portal, "employer1@example.jp");
        using var employer2 = await Api.SignedInAsync(portal, "employer2@example.jp");
        var foreign = await portal.QueryAsync(db => (from a in db.Applications
                                                    join u in db.Users on a.EstablishmentId equals u.EstablishmentId
                                                    where u.Email == "employer2@example.jp"
                                                    select a.Id).FirstAsync(Ct));

        // employer2 slipping one of employer1's ids among its own gets nothing at all.
        using var mixed = await employer2.GetAsync($"/employer/applicants.csv?ids={foreign},{picks[0].Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        using var own2 = await employer2.GetAsync($"/employer/applicants.csv?ids={foreign}", Ct);
        Assert.Equal(HttpStatusCode.OK, own2.StatusCode);

        using var unknown = await employer1.GetAsync($"/employer/applicants.csv?ids={picks[0].Id},{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var empty = await employer1.GetAsync("/employer/applicants.csv?ids=", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode); // nothing to export: a refusal with its message
        using var malformed = await employer1.GetAsync("/employer/applicants.csv?ids=1%20OR%201=1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var anonymous = await portal.NewClientAsync();
        using var stranger = await anonymous.GetAsync($"/employer/applicants.csv?ids={picks[0].Id}", Ct);
        Assert.NotEqual(HttpStatusCode.OK, stranger.StatusCode);
    }
}
