using System.Net;
using System.Net.Http.Json;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Trust;

/// <summary>
/// Wrong passwords sent at once must not get past the lockout (R-ACC-4: an account is only its owner's). On main,
/// 22 parallel tries had 10 to 14 passwords checked ("incorrect") before the first "locked"; the failure count is now taken
/// atomically before a password is checked (<c>AtomicLockoutSignInManager</c>).
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class ParallelLockoutTests(PortalHost portal)
{
    [Fact]
    public async Task Twenty_two_wrong_passwords_at_once_are_checked_five_times_at_most_and_the_account_is_locked()
    {
        var email = Registrations.NewEmail("parallel-lockout");
        using (var client = await portal.NewClientAsync())
        {
            using var registered = await Registrations.RegisterJobseekerAsync(client, Registrations.JobseekerForm(email));
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        // One client per try (each its own connection), all released together.
        using var start = new ManualResetEventSlim();
        var tries = Enumerable.Range(1, 22).Select(async i =>
        {
            using var client = await portal.NewClientAsync();
            await Task.Run(start.Wait, TestContext.Current.CancellationToken);
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = $"Wrong!password{i}" },
                TestContext.Current.CancellationToken);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }).ToList();
        await Task.Delay(300, TestContext.Current.CancellationToken);
        start.Set();
        var answers = await Task.WhenAll(tries);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var incorrect = answers.Count(a => a.Body.Contains("incorrect", StringComparison.Ordinal));
        var locked = answers.Count(a => a.Body.Contains("locked", StringComparison.Ordinal));
        // Five passwords checked: four answered "incorrect", the fifth locked the account; the other 17 were never checked.
        Assert.Equal(4, incorrect);
        Assert.Equal(18, locked);

        using var late = await portal.NewClientAsync();
        using var right = await late.PostAsJsonAsync("/api/auth/login", new { email, password = Registrations.GoodPassword },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var lockoutEnd = await portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"locked until {lockoutEnd:O}");
    }
}
