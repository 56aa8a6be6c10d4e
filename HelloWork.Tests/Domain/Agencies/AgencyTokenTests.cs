using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Agencies;

/// <summary>
/// Per-agency profile tokens (R-AGY-2, R-AGY-3, R-ACC-4): a provided profile is named by a token that only the agency it was issued
/// to can use — never by the jobseeker's database id, which is the same for every agency and the key of every other table. Two
/// agencies get different tokens for one person (they cannot link their copies); one agency gets the same token every time; another
/// agency's token, a made-up one and a withdrawn consent all give the same "not found".
/// </summary>
public sealed class AgencyTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record World(DomainWorld Domain, Agency A, Agency B, Actor ActorA, Actor ActorB, Provision Provision, AgencyService Agencies)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Domain.DisposeAsync();
    }

    /// <summary>Agencies A (local government) and B (private), both approved; jobseeker1 consents to both kinds.</summary>
    private static async Task<World> WorldAsync()
    {
        var d = await DomainWorld.CreateAsync();
        var now = d.Clock.GetUtcNow();
        var a = new Agency("文京区 就労支援課", AgencyKind.LocalGovernment, null, now);
        var b = new Agency("株式会社キャリアブリッジ", AgencyKind.PrivatePaid, "13-ユ-300001", now);
        a.Approve(now);
        b.Approve(now);
        await d.WithDbAsync(async db =>
        {
            db.Agencies.AddRange(a, b);
            (await db.Jobseekers.FirstAsync(j => j.Id == d.Jobseeker1.Id, Ct)).SetConsent(ProvisionConsent.LocalGovernmentsAndPrivate, now);
            return await db.SaveChangesAsync(Ct);
        });
        return new World(d, a, b, new Actor(Guid.NewGuid(), Roles.Agency, "a", AgencyId: a.Id), new Actor(Guid.NewGuid(), Roles.Agency, "b", AgencyId: b.Id),
            new Provision(d.Ops, d.Tokens), new AgencyService(d.Ops, d.Tokens));
    }

    private static Task SetConsentAsync(DomainWorld d, ProvisionConsent consent) => d.WithDbAsync(async db =>
    {
        (await db.Jobseekers.FirstAsync(j => j.Id == d.Jobseeker1.Id, Ct)).SetConsent(consent, d.Clock.GetUtcNow());
        return await db.SaveChangesAsync(Ct);
    });

    [Fact]
    public async Task Two_agencies_get_different_tokens_for_one_person_and_each_the_same_token_on_every_call()
    {
        await using var w = await WorldAsync();
        var a1 = Assert.Single(await w.Provision.ProfilesAsync(w.A, 0, 100, Ct)).Token;
        var a2 = Assert.Single(await w.Provision.ProfilesAsync(w.A, 0, 100, Ct)).Token;
        var b1 = Assert.Single(await w.Provision.ProfilesAsync(w.B, 0, 100, Ct)).Token;

        Assert.Equal(a1, a2);
        Assert.NotEqual(a1, b1);
        Assert.Equal(a1, (await w.Provision.ProfileAsync(w.A, a1, Ct))!.Token);
        // Short and URL-safe, and not the id in any spelling.
        foreach (var token in new[] { a1, b1 })
        {
            Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
            Assert.DoesNotContain(w.Domain.Jobseeker1.Id.ToString("N"), token, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual(Convert.ToBase64String(w.Domain.Jobseeker1.Id.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'), token);
        }

        // A restarted server (a new instance over the same database) issues the same tokens: the secret is in the database.
        var restarted = new Provision(w.Domain.Ops, new OpaqueTokens(w.Domain.Ops));
        Assert.Equal(a1, Assert.Single(await restarted.ProfilesAsync(w.A, 0, 100, Ct)).Token);
        Assert.Equal(1, await w.Domain.WithDbAsync(db => db.ServerSecrets.CountAsync(Ct)));
    }

    [Fact]
    public async Task Agency_As_token_finds_nothing_for_agency_B_and_the_reverse_neither_the_profile_nor_guidance()
    {
        await using var w = await WorldAsync();
        var tokenA = Assert.Single(await w.Provision.ProfilesAsync(w.A, 0, 100, Ct)).Token;
        var tokenB = Assert.Single(await w.Provision.ProfilesAsync(w.B, 0, 100, Ct)).Token;

        Assert.NotNull(await w.Provision.ProfileAsync(w.A, tokenA, Ct));
        Assert.NotNull(await w.Provision.ProfileAsync(w.B, tokenB, Ct));
        Assert.Null(await w.Provision.ProfileAsync(w.B, tokenA, Ct));
        Assert.Null(await w.Provision.ProfileAsync(w.A, tokenB, Ct));
        Assert.Equal("ProfileNotProvided", (await Assert.ThrowsAsync<DomainException>(() => w.Agencies.SendGuidanceAsync(w.ActorB, tokenA, "ご案内", Ct))).Code);
        Assert.Equal("ProfileNotProvided", (await Assert.ThrowsAsync<DomainException>(() => w.Agencies.SendGuidanceAsync(w.ActorA, tokenB, "ご案内", Ct))).Code);
        Assert.Equal(0, await w.Domain.WithDbAsync(db => db.GuidanceMessages.CountAsync(Ct)));

        // With its own token each agency reaches the person; the message is stored against the jobseeker, not the token.
        await w.Agencies.SendGuidanceAsync(w.ActorA, tokenA, "就労支援セミナーのご案内です。", Ct);
        await w.Agencies.SendGuidanceAsync(w.ActorB, tokenB, "求人のご案内です。", Ct);
        var sent = await w.Domain.WithDbAsync(db => db.GuidanceMessages.Select(m => new { m.AgencyId, m.JobseekerId }).ToListAsync(Ct));
        var js = w.Domain.Jobseeker1.Id;
        Assert.Equal(new[] { (w.A.Id, js), (w.B.Id, js) }.Order(), sent.Select(m => (m.AgencyId, m.JobseekerId)).Order());
    }

    [Fact]
    public async Task A_withdrawn_consent_a_made_up_token_and_a_jobseeker_id_all_give_the_same_not_found()
    {
        await using var w = await WorldAsync();
        var tokenA = Assert.Single(await w.Provision.ProfilesAsync(w.A, 0, 100, Ct)).Token;
        var id = w.Domain.Jobseeker1.Id;
        var madeUp = new[] { "AAAAAAAAAAAAAAAAAAAAAA", tokenA[..^2] + (tokenA[^2..] == "AA" ? "BB" : "AA"), id.ToString(), id.ToString("N"), "", "!!!!!!!!!!!!!!!!!!!!!!" };
        foreach (var token in madeUp)
        {
            Assert.Null(await w.Provision.ProfileAsync(w.A, token, Ct));
            Assert.Equal("ProfileNotProvided", (await Assert.ThrowsAsync<DomainException>(() => w.Agencies.SendGuidanceAsync(w.ActorA, token, "ご案内", Ct))).Code);
        }

        await SetConsentAsync(w.Domain, ProvisionConsent.None);
        Assert.Null(await w.Provision.ProfileAsync(w.A, tokenA, Ct));
        Assert.Equal("ProfileNotProvided", (await Assert.ThrowsAsync<DomainException>(() => w.Agencies.SendGuidanceAsync(w.ActorA, tokenA, "ご案内", Ct))).Code);

        // Consent narrowed to private agencies only: the local government's token stops working, the private agency's does not.
        await SetConsentAsync(w.Domain, ProvisionConsent.PrivateOnly);
        var tokenB = (await w.Domain.Tokens.ForAsync(TokenHolder.Agency, w.B.Id, Ct)).Issue(id);
        Assert.Null(await w.Provision.ProfileAsync(w.A, tokenA, Ct));
        Assert.NotNull(await w.Provision.ProfileAsync(w.B, tokenB, Ct));
        Assert.Equal(0, await w.Domain.WithDbAsync(db => db.GuidanceMessages.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_agency_token_and_an_establishment_token_for_the_same_holder_id_differ()
    {
        await using var w = await WorldAsync();
        var holder = Guid.NewGuid();
        var asAgency = (await w.Domain.Tokens.ForAsync(TokenHolder.Agency, holder, Ct)).Issue(w.Domain.Jobseeker1.Id);
        var asEstablishment = await w.Domain.Tokens.ForAsync(TokenHolder.Establishment, holder, Ct);
        Assert.NotEqual(asAgency, asEstablishment.Issue(w.Domain.Jobseeker1.Id));
        Assert.NotEqual(w.Domain.Jobseeker1.Id, asEstablishment.Resolve(asAgency));
        Assert.Equal(w.Domain.Jobseeker1.Id, asEstablishment.Resolve(asEstablishment.Issue(w.Domain.Jobseeker1.Id)));
    }

    [Fact]
    public async Task Two_servers_starting_together_on_one_database_agree_on_one_secret()
    {
        await using var w = await WorldAsync();
        var servers = Enumerable.Range(0, 4).Select(_ => new OpaqueTokens(w.Domain.Ops)).ToList();
        var holder = Guid.NewGuid();
        var tokens = await Task.WhenAll(servers.Select(async s => (await s.ForAsync(TokenHolder.Agency, holder, Ct)).Issue(w.Domain.Jobseeker1.Id)));
        Assert.Single(tokens.Distinct());
        Assert.Equal(1, await w.Domain.WithDbAsync(db => db.ServerSecrets.CountAsync(Ct)));
    }
}
