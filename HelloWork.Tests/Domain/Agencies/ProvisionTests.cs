using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Agencies;

/// <summary>Information provision to agencies (R-AGY-1..3): consent categories, no identifying data, guidance caps and refusals.</summary>
public sealed class ProvisionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(Agency Local, Agency Private, Actor LocalActor, Actor PrivateActor)> AgenciesAsync(DomainWorld world)
    {
        var now = world.Clock.GetUtcNow();
        var local = new Agency("文京区 就労支援課", AgencyKind.LocalGovernment, null, now);
        var priv = new Agency("株式会社キャリアブリッジ", AgencyKind.PrivatePaid, "13-ユ-300001", now);
        local.Approve(now);
        priv.Approve(now);
        await world.WithDbAsync(db => { db.Agencies.AddRange(local, priv); return db.SaveChangesAsync(Ct); });
        return (local, priv, new Actor(Guid.NewGuid(), Roles.Agency, "local", AgencyId: local.Id), new Actor(Guid.NewGuid(), Roles.Agency, "private", AgencyId: priv.Id));
    }

    private static Task SetConsentAsync(DomainWorld world, Guid jobseekerId, ProvisionConsent consent) => world.WithDbAsync(async db =>
    {
        var js = await db.Jobseekers.FirstAsync(j => j.Id == jobseekerId, Ct);
        js.SetConsent(consent, world.Clock.GetUtcNow());
        return await db.SaveChangesAsync(Ct);
    });

    [Fact]
    public async Task A_private_agency_never_receives_a_local_governments_only_profile_and_the_reverse()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (local, priv, _, _) = await AgenciesAsync(world);
        var provision = new Provision(world.Ops, world.Tokens);
        await SetConsentAsync(world, world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsOnly);
        await SetConsentAsync(world, world.Jobseeker2.Id, ProvisionConsent.PrivateOnly);

        var toLocal = await provision.ProfilesAsync(local, 0, 100, Ct);
        var toPrivate = await provision.ProfilesAsync(priv, 0, 100, Ct);

        var localTokens = await world.Tokens.ForAsync(TokenHolder.Agency, local.Id, Ct);
        var privateTokens = await world.Tokens.ForAsync(TokenHolder.Agency, priv.Id, Ct);
        Assert.Equal([localTokens.Issue(world.Jobseeker1.Id)], toLocal.Select(p => p.Token));
        Assert.Equal([privateTokens.Issue(world.Jobseeker2.Id)], toPrivate.Select(p => p.Token));
    }

    [Fact]
    public async Task A_withdrawn_consent_removes_the_profile_from_the_next_answer()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (local, _, _, _) = await AgenciesAsync(world);
        var provision = new Provision(world.Ops, world.Tokens);
        await SetConsentAsync(world, world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsAndPrivate);
        Assert.Single(await provision.ProfilesAsync(local, 0, 100, Ct));

        await SetConsentAsync(world, world.Jobseeker1.Id, ProvisionConsent.None);

        Assert.Empty(await provision.ProfilesAsync(local, 0, 100, Ct));
    }

    [Fact]
    public async Task Provided_profiles_and_offers_carry_nothing_that_identifies_a_person()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (local, _, _, _) = await AgenciesAsync(world);
        await SetConsentAsync(world, world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsAndPrivate);
        var provision = new Provision(world.Ops, world.Tokens);

        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var profiles = JsonSerializer.Serialize(await provision.ProfilesAsync(local, 0, 100, Ct), json);
        var offers = JsonSerializer.Serialize(await provision.OffersAsync(local, new OfferExportCriteria(), Ct).ToListAsync(Ct), json);
        Assert.Contains(world.Jobseeker1.Wishes.DesiredOccupation, profiles, StringComparison.Ordinal); // the profile is there, only anonymised
        var js = world.Jobseeker1;
        // Not even the database id (R-AGY-2): it is the key of every other table and the same for every agency.
        foreach (var personal in new[] { js.Name, js.Kana, js.Phone!, js.Address!, js.JobseekerNumber!, "本郷", js.Id.ToString(), js.Id.ToString("N") })
        {
            Assert.DoesNotContain(personal, profiles, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, offers, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_1001st_guidance_message_of_the_day_is_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (local, _, localActor, _) = await AgenciesAsync(world);
        await SetConsentAsync(world, world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsAndPrivate);
        var now = world.Clock.GetUtcNow();
        await world.WithDbAsync(db =>
        {
            for (var i = 0; i < AgencyService.DailyGuidanceCap; i++)
            {
                db.GuidanceMessages.Add(new GuidanceMessage(local.Id, world.Jobseeker1.Id, null, false, $"ご案内 {i}", now));
            }
            return db.SaveChangesAsync(Ct);
        });
        var agencies = new AgencyService(world.Ops, world.Tokens);
        var token = Assert.Single(await new Provision(world.Ops, world.Tokens).ProfilesAsync(local, 0, 100, Ct)).Token;

        var refusal = await Assert.ThrowsAsync<DomainException>(() => agencies.SendGuidanceAsync(localActor, token, "就労支援セミナーのご案内です。", Ct));
        Assert.Equal("GuidanceDailyCapReached", refusal.Code);

        world.Clock.Advance(TimeSpan.FromDays(1)); // a new Japan day
        await agencies.SendGuidanceAsync(localActor, token, "就労支援セミナーのご案内です。", Ct);
    }

    [Fact]
    public async Task An_agency_the_jobseeker_refused_cannot_message_again_and_an_uncovered_profile_cannot_be_messaged()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (_, priv, _, privateActor) = await AgenciesAsync(world);
        var agencies = new AgencyService(world.Ops, world.Tokens);
        // The token the private agency would hold for jobseeker1 (as if provided before): refused while consent does not cover it.
        var token = (await world.Tokens.ForAsync(TokenHolder.Agency, priv.Id, Ct)).Issue(world.Jobseeker1.Id);
        await SetConsentAsync(world, world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsOnly);
        Assert.Equal("ProfileNotProvided", (await Assert.ThrowsAsync<DomainException>(() => agencies.SendGuidanceAsync(privateActor, token, "ご案内", Ct))).Code);

        await SetConsentAsync(world, world.Jobseeker1.Id, ProvisionConsent.PrivateOnly);
        await agencies.SendGuidanceAsync(privateActor, token, "ご案内", Ct);
        await agencies.AnswerGuidanceAsync(world.JobseekerActor1, priv.Id, "事務職を希望しています。", Ct);
        await agencies.RefuseAgencyAsync(world.JobseekerActor1, priv.Id, Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => agencies.SendGuidanceAsync(privateActor, token, "もう一度ご案内", Ct));
        Assert.Equal("GuidanceRefusedByJobseeker", refused.Code);
        await Assert.ThrowsAsync<ScopeException>(() => agencies.AnswerGuidanceAsync(world.JobseekerActor2, priv.Id, "なりすまし", Ct));
    }

    [Fact]
    public async Task A_created_key_authenticates_until_it_is_revoked_and_only_its_hash_is_stored()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (local, _, localActor, _) = await AgenciesAsync(world);
        var agencies = new AgencyService(world.Ops, world.Tokens);
        var key = await agencies.CreateKeyAsync(localActor, "基幹システム連携", Ct);

        Assert.Equal(local.Id, (await agencies.AuthenticateKeyAsync(key.Secret, Ct))?.Id);
        Assert.Null(await agencies.AuthenticateKeyAsync(key.Secret + "x", Ct));
        Assert.Null(await agencies.AuthenticateKeyAsync("hwk_000000000000_made-up", Ct));
        var stored = await world.WithDbAsync(db => db.AgencyApiKeys.SingleAsync(Ct));
        Assert.DoesNotContain(key.Secret.Split('_', 3)[2], Convert.ToBase64String(stored.SecretHash), StringComparison.Ordinal);

        await agencies.RevokeKeyAsync(localActor, key.Id, Ct);
        Assert.Null(await agencies.AuthenticateKeyAsync(key.Secret, Ct));
    }

    [Fact]
    public async Task Incremental_export_pages_by_cursor_without_gaps_or_repeats()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (local, _, _, _) = await AgenciesAsync(world);
        var rnd = new Random(11);
        await world.WithDbAsync(db =>
        {
            for (var i = 0; i < 25; i++)
            {
                db.JobOffers.Add(DomainWorld.Published(rnd, world.Establishment1, world.Office1, HelloWork.Domain.Data.Demo.Vocabulary.Places[i % 4],
                    world.Clock.GetUtcNow().AddSeconds(i % 3), HelloWork.Domain.JobOffers.PublicationScope.PublicWithName));
            }
            return db.SaveChangesAsync(Ct);
        });
        var provision = new Provision(world.Ops, world.Tokens);
        var all = await provision.OffersAsync(local, new OfferExportCriteria(), Ct).ToListAsync(Ct);
        var paged = new List<ProvidedOffer>();
        ProvidedOffer? last = null;
        do
        {
            var page = await provision.OffersAsync(local, new OfferExportCriteria(null, last?.UpdatedAt, last?.Id, 7), Ct).ToListAsync(Ct);
            paged.AddRange(page);
            last = page.Count == 7 ? page[^1] : null;
        }
        while (last is not null);

        Assert.Equal(27, all.Count);
        Assert.Equal(all.Select(o => o.JobNumber), paged.Select(o => o.JobNumber));
        Assert.Equal(27, paged.Select(o => o.JobNumber).Distinct().Count());
    }
}
