using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>ログインユーザー (REFERENCE.md: up to 10 per establishment): the main account adds, disables and removes users; the limits and
/// refusals; another establishment's users are out of reach (R-ACC-4).</summary>
public sealed class EstablishmentUsersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The world plus the Employer role and each establishment's first (main) user, as registration creates them.</summary>
    private static async Task<(DomainWorld World, Actor Main1, Actor Main2)> WorldAsync()
    {
        var world = await DomainWorld.CreateAsync();
        var now = world.Clock.GetUtcNow();
        await world.WithDbAsync(async db =>
        {
            var role = new IdentityRole<Guid>(Roles.Employer) { Id = Guid.NewGuid(), NormalizedName = Roles.Employer.ToUpperInvariant() };
            db.Roles.Add(role);
            foreach (var (actor, email) in new[] { (world.EmployerActor1, "main1@example.jp"), (world.EmployerActor2, "main2@example.jp") })
            {
                db.Users.Add(new AppUser
                {
                    Id = actor.UserId, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = actor.Name, Role = Roles.Employer, EstablishmentId = actor.EstablishmentId, CreatedAt = now.AddDays(-10),
                    SecurityStamp = Guid.NewGuid().ToString(),
                });
            }
            return await db.SaveChangesAsync(Ct);
        });
        return (world, world.EmployerActor1, world.EmployerActor2);
    }

    private static Actor ActorOf(Guid userId, Guid establishmentId) => new(userId, Roles.Employer, "user", EstablishmentId: establishmentId);

    [Fact]
    public async Task The_main_account_adds_a_user_who_is_invited_by_mail_and_has_no_password_anyone_knows_R_MAIL_1_R_MAIL_2()
    {
        var (world, main, _) = await WorldAsync();
        await using var _w = world;
        var users = new EstablishmentUsers(world.Ops);

        var created = await users.AddAsync(main, "  tanaka@example.jp ", "田中 花子", Ct);

        Assert.Equal("tanaka@example.jp", created.Email);
        Assert.Equal(world.Clock.GetUtcNow() + HelloWork.Domain.Mail.AccountMails.InvitationLifetime, created.InvitationExpiresAt);
        var stored = await world.WithDbAsync(db => db.Users.FirstAsync(u => u.Id == created.Id, Ct));
        Assert.Equal((world.Establishment1.Id, Roles.Employer, "TANAKA@EXAMPLE.JP"), (stored.EstablishmentId!.Value, stored.Role, stored.NormalizedEmail!));
        Assert.Null(stored.PasswordHash); // no initial password: nobody can sign in as the user before it sets its own
        Assert.False(stored.MustChangePassword);
        // The invitation, written with the user in one transaction: a one-time token (its hash only) and the mail that carries it.
        var mail = await world.WithDbAsync(db => db.OutboxMails.SingleAsync(m => m.UserId == created.Id, Ct));
        Assert.Equal((HelloWork.Domain.Mail.MailKind.Invitation, "tanaka@example.jp"), (mail.Kind, mail.ToAddress));
        var token = await world.WithDbAsync(db => db.AccountTokens.SingleAsync(t => t.UserId == created.Id, Ct));
        Assert.Equal(HelloWork.Domain.Mail.TokenPurpose.Invitation, token.Purpose);
        Assert.Equal(HelloWork.Domain.Mail.AccountToken.HashOf(mail.Secret!), token.Hash);
        Assert.Equal(created.InvitationExpiresAt, token.ExpiresAt);
        Assert.True((await users.ListAsync(main, Ct)).Users.Single(u => u.Id == created.Id).InvitationPending);
        Assert.Equal(1, await world.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == created.Id, Ct)));
        var list = await users.ListAsync(main, Ct);
        Assert.True(list.CallerIsMain);
        Assert.Equal(2, list.Users.Count);
        Assert.True(list.Users.Single(u => u.IsSelf).IsMain);
        Assert.False(list.Users.Single(u => u.Id == created.Id).IsMain);
    }

    [Fact]
    public async Task Ten_users_are_the_limit_and_the_eleventh_is_refused()
    {
        var (world, main, _) = await WorldAsync();
        await using var _w = world;
        var users = new EstablishmentUsers(world.Ops);
        for (var i = 2; i <= EstablishmentUsers.MaxPerEstablishment; i++)
        {
            await users.AddAsync(main, $"user{i}@example.jp", $"利用者 {i}", Ct);
        }
        var e = await Assert.ThrowsAsync<DomainException>(() => users.AddAsync(main, "user11@example.jp", "利用者 11", Ct));
        Assert.Equal(("TooManyUsers", "Email"), (e.Code, e.Field));
        Assert.Equal(10, await world.WithDbAsync(db => db.Users.CountAsync(u => u.EstablishmentId == world.Establishment1.Id, Ct)));
        Assert.False(await world.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "user11@example.jp", Ct)));
    }

    [Fact]
    public async Task Bad_input_a_taken_address_and_a_user_who_is_not_the_main_account_are_refused()
    {
        var (world, main, _) = await WorldAsync();
        await using var _w = world;
        var users = new EstablishmentUsers(world.Ops);
        Assert.Equal("EmailFormat", (await Assert.ThrowsAsync<DomainException>(() => users.AddAsync(main, "not-an-address", "田中", Ct))).Code);
        Assert.Equal("Required", (await Assert.ThrowsAsync<DomainException>(() => users.AddAsync(main, "", "田中", Ct))).Code);
        var name = await Assert.ThrowsAsync<DomainException>(() => users.AddAsync(main, "a@example.jp", "<script>", Ct));
        Assert.Equal(("NameInvalidCharacters", "DisplayName"), (name.Code, name.Field));
        Assert.Equal("EmailTaken", (await Assert.ThrowsAsync<DomainException>(() => users.AddAsync(main, "MAIN2@example.jp", "田中", Ct))).Code);

        var second = await users.AddAsync(main, "second@example.jp", "二番目", Ct);
        var secondActor = ActorOf(second.Id, world.Establishment1.Id);
        Assert.False((await users.ListAsync(secondActor, Ct)).CallerIsMain);
        Assert.Equal("OnlyMainAccount", (await Assert.ThrowsAsync<DomainException>(() => users.AddAsync(secondActor, "third@example.jp", "三番目", Ct))).Code);
        Assert.Equal("OnlyMainAccount", (await Assert.ThrowsAsync<DomainException>(() => users.SetDisabledAsync(secondActor, main.UserId, true, Ct))).Code);
        Assert.Equal("OnlyMainAccount", (await Assert.ThrowsAsync<DomainException>(() => users.RemoveAsync(secondActor, main.UserId, Ct))).Code);
    }

    [Fact]
    public async Task A_disabled_user_is_locked_out_and_the_main_account_cannot_disable_itself()
    {
        var (world, main, _) = await WorldAsync();
        await using var _w = world;
        var users = new EstablishmentUsers(world.Ops);
        var second = await users.AddAsync(main, "second@example.jp", "二番目", Ct);
        var stampBefore = await world.WithDbAsync(db => db.Users.Where(u => u.Id == second.Id).Select(u => u.SecurityStamp).FirstAsync(Ct));

        await users.SetDisabledAsync(main, second.Id, true, Ct);
        var disabled = await world.WithDbAsync(db => db.Users.FirstAsync(u => u.Id == second.Id, Ct));
        Assert.True(disabled.LockoutEnabled && disabled.LockoutEnd > world.Clock.GetUtcNow().AddYears(100));
        Assert.NotEqual(stampBefore, disabled.SecurityStamp);
        Assert.True((await users.ListAsync(main, Ct)).Users.Single(u => u.Id == second.Id).Disabled);

        Assert.Equal("CannotDisableSelf", (await Assert.ThrowsAsync<DomainException>(() => users.SetDisabledAsync(main, main.UserId, true, Ct))).Code);
        await users.SetDisabledAsync(main, second.Id, false, Ct);
        Assert.Null(await world.WithDbAsync(db => db.Users.Where(u => u.Id == second.Id).Select(u => u.LockoutEnd).FirstAsync(Ct)));
    }

    [Fact]
    public async Task The_last_user_cannot_remove_themself_and_removing_the_main_account_hands_over()
    {
        var (world, main, _) = await WorldAsync();
        await using var _w = world;
        var users = new EstablishmentUsers(world.Ops);
        Assert.Equal("LastUserCannotBeRemoved", (await Assert.ThrowsAsync<DomainException>(() => users.RemoveAsync(main, main.UserId, Ct))).Code);

        var second = await users.AddAsync(main, "second@example.jp", "二番目", Ct);
        await users.SetDisabledAsync(main, second.Id, true, Ct);
        // The only other user is disabled: the main account is still the last usable one.
        Assert.Equal("LastUserCannotBeRemoved", (await Assert.ThrowsAsync<DomainException>(() => users.RemoveAsync(main, main.UserId, Ct))).Code);
        await users.SetDisabledAsync(main, second.Id, false, Ct);

        await users.RemoveAsync(main, main.UserId, Ct);
        var secondActor = ActorOf(second.Id, world.Establishment1.Id);
        var list = await users.ListAsync(secondActor, Ct);
        Assert.True(list.CallerIsMain);
        Assert.Equal(second.Id, Assert.Single(list.Users).Id);
        Assert.Equal(0, await world.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == main.UserId, Ct)));
        Assert.Contains(await world.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync(Ct)), a => a == "EstablishmentUserRemoved");
    }

    [Fact]
    public async Task Another_establishment_cannot_see_or_touch_the_users_and_jobseekers_are_not_employers()
    {
        var (world, main1, main2) = await WorldAsync();
        await using var _w = world;
        var users = new EstablishmentUsers(world.Ops);
        var added = await users.AddAsync(main1, "second@example.jp", "二番目", Ct);

        Assert.DoesNotContain((await users.ListAsync(main2, Ct)).Users, u => u.Id == added.Id || u.Id == main1.UserId);
        await Assert.ThrowsAsync<ScopeException>(() => users.SetDisabledAsync(main2, added.Id, true, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => users.RemoveAsync(main2, added.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => users.ListAsync(world.JobseekerActor1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => users.AddAsync(world.StaffActor1, "x@example.jp", "職員", Ct));
        Assert.Null(await world.WithDbAsync(db => db.Users.Where(u => u.Id == added.Id).Select(u => u.LockoutEnd).FirstAsync(Ct)));
    }
}
