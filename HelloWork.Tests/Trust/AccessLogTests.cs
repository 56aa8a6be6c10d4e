using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Trust;

/// <summary>
/// "Who saw my data" (R-AUD-1): a jobseeker sees staff views, employer views and agency provision of their data, by
/// organisation and never by staff name, newest first and paged — and nobody else's entries, and nobody else sees theirs (R-ACC-4).
/// </summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private DomainWorld world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AccessLog Log => new(world.Ops);

    public async ValueTask InitializeAsync()
    {
        world = await DomainWorld.CreateAsync();
        // The accounts behind the actors, as sign-in creates them.
        await world.WithDbAsync(db =>
        {
            db.Users.AddRange(
                User(world.StaffActor1, "staff1", "高橋 一郎", u => u.OfficeId = world.Office1.Id),
                User(world.EmployerActor1, "employer1", "採用 担当", u => u.EstablishmentId = world.Establishment1.Id),
                User(world.JobseekerActor1, "jobseeker1", world.Jobseeker1.Name, u => u.JobseekerId = world.Jobseeker1.Id));
            return db.SaveChangesAsync(Ct);
        });
    }

    public ValueTask DisposeAsync() => world.DisposeAsync();

    private static AppUser User(Actor actor, string name, string display, Action<AppUser> scope)
    {
        var user = new AppUser { Id = actor.UserId, UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = $"{name}@example.jp",
            NormalizedEmail = $"{name}@EXAMPLE.JP", DisplayName = display, Role = actor.Role };
        scope(user);
        return user;
    }

    [Fact]
    public async Task A_staff_look_up_shows_the_office_and_what_was_done_but_not_the_staff_members_name()
    {
        await new OfficeRegistration(world.Ops).ViewAsync(world.StaffActor1, world.Jobseeker1.Id, Ct);

        var log = await Log.PageAsync(world.JobseekerActor1, 0, 20, Ct);

        var row = Assert.Single(log.Rows);
        Assert.Equal(1, log.Total);
        Assert.Equal(AccessorKind.Staff, row.Kind);
        Assert.Equal("ハローワーク飯田橋", row.Organisation);
        Assert.Equal("JobseekerViewed", row.Action);
        Assert.Equal(world.Clock.GetUtcNow(), row.At);
        Assert.DoesNotContain("高橋", row.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employer_views_of_the_application_and_its_documents_show_the_establishment_and_the_applicants_own_actions_are_not_listed()
    {
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
        var application = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "志望動機です。",
            [new UploadedFile("履歴書.pdf", pdf)], SelfApplicationAcknowledged: true), Ct);
        var applicants = new EmployerApplicants(world.Ops);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var detail = await applicants.DetailAsync(world.EmployerActor1, application, Ct);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await applicants.DocumentAsync(world.EmployerActor1, detail!.Documents[0].Id, Ct);
        await applicants.DocumentAsync(world.JobseekerActor1, detail.Documents[0].Id, Ct); // the applicant's own download

        var log = await Log.PageAsync(world.JobseekerActor1, 0, 20, Ct);

        Assert.Equal(["ApplicationDocumentViewed", "ApplicantViewed"], log.Rows.Select(r => r.Action)); // newest first; no ApplicationCreated
        Assert.All(log.Rows, r => Assert.Equal((AccessorKind.Employer, "株式会社みらい商事"), (r.Kind, r.Organisation)));
    }

    [Fact]
    public async Task Re_renders_of_one_applicant_page_count_as_one_view_and_a_later_visit_as_another()
    {
        var application = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "志望動機です。", [],
            SelfApplicationAcknowledged: true), Ct);
        var applicants = new EmployerApplicants(world.Ops);

        await applicants.DetailAsync(world.EmployerActor1, application, Ct); // prerender
        world.Clock.Advance(TimeSpan.FromSeconds(2));
        await applicants.DetailAsync(world.EmployerActor1, application, Ct); // interactive render
        Assert.Equal(1, (await Log.PageAsync(world.JobseekerActor1, 0, 20, Ct)).Total);

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await applicants.DetailAsync(world.EmployerActor1, application, Ct);
        Assert.Equal(2, (await Log.PageAsync(world.JobseekerActor1, 0, 20, Ct)).Total);
    }

    [Fact]
    public async Task An_agency_receiving_a_consented_profile_is_listed_by_its_name()
    {
        var now = world.Clock.GetUtcNow();
        var agency = new Agency("文京区 就労支援課", AgencyKind.LocalGovernment, null, now);
        agency.Approve(now);
        await world.WithDbAsync(async db =>
        {
            db.Agencies.Add(agency);
            (await db.Jobseekers.FirstAsync(j => j.Id == world.Jobseeker1.Id, Ct)).SetConsent(ProvisionConsent.LocalGovernmentsOnly, now);
            return await db.SaveChangesAsync(Ct);
        });

        await new Provision(world.Ops, world.Tokens).ProfilesAsync(agency, 0, 100, Ct);

        var row = Assert.Single((await Log.PageAsync(world.JobseekerActor1, 0, 20, Ct)).Rows);
        Assert.Equal((AccessorKind.Agency, "文京区 就労支援課", "ProfileProvided"), (row.Kind, row.Organisation, row.Action));
        Assert.Empty((await Log.PageAsync(world.JobseekerActor2, 0, 20, Ct)).Rows); // jobseeker2 did not consent
    }

    [Fact]
    public async Task Jobseeker2_never_sees_jobseeker1s_entries()
    {
        var lookups = new OfficeRegistration(world.Ops);
        await lookups.ViewAsync(world.StaffActor1, world.Jobseeker1.Id, Ct);
        await lookups.ViewAsync(world.StaffActor1, world.Jobseeker1.Id, Ct);

        var other = await Log.PageAsync(world.JobseekerActor2, 0, 20, Ct);

        Assert.Equal(0, other.Total);
        Assert.Empty(other.Rows);
        Assert.Equal(2, (await Log.PageAsync(world.JobseekerActor1, 0, 20, Ct)).Total);
    }

    [Fact]
    public async Task Staff_employers_and_agencies_cannot_read_a_jobseekers_access_log()
    {
        await new OfficeRegistration(world.Ops).ViewAsync(world.StaffActor1, world.Jobseeker1.Id, Ct);
        var agency = new Actor(Guid.NewGuid(), Roles.Agency, "agency", AgencyId: Guid.NewGuid());

        foreach (var actor in new[] { world.StaffActor1, world.EmployerActor1, agency, Actor.System })
        {
            await Assert.ThrowsAsync<ScopeException>(() => Log.PageAsync(actor, 0, 20, Ct));
        }
    }

    [Fact]
    public async Task The_log_is_newest_first_and_paged()
    {
        var lookups = new OfficeRegistration(world.Ops);
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < 25; i++)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            times.Add(world.Clock.GetUtcNow());
            await lookups.ViewAsync(world.StaffActor1, world.Jobseeker1.Id, Ct);
        }

        var first = await Log.PageAsync(world.JobseekerActor1, 0, 20, Ct);
        var second = await Log.PageAsync(world.JobseekerActor1, 1, 20, Ct);

        Assert.Equal(25, first.Total);
        Assert.Equal(times.AsEnumerable().Reverse().Take(20), first.Rows.Select(r => r.At));
        Assert.Equal(times.Take(5).Reverse(), second.Rows.Select(r => r.At));
    }
}
