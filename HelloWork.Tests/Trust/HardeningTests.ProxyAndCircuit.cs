using System.Net;
using System.Text.RegularExpressions;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Host.Http;
using HelloWork.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HelloWork.Tests.Trust;

/// <summary>Forwarded headers from the listed proxy only, and a page refused by the circuit limit doing no per-person work.</summary>
public sealed partial class HardeningTests
{
    /// <summary>
    /// Behind the listed proxy (<see cref="HardeningHost.ProxyAddress"/>) the sign-in limit counts the client named by
    /// <c>X-Forwarded-For</c>, so people behind one proxy do not share a budget; from any other address the header is ignored,
    /// so a client cannot dodge its limit by naming a new address in each request. (The forwarded addresses are only text in a
    /// header: documentation addresses, nothing is sent to them.)
    /// </summary>
    [Fact]
    public async Task X_forwarded_for_from_the_listed_proxy_sets_the_address_the_sign_in_limit_counts_and_from_anyone_else_is_ignored()
    {
        using var proxy = host.ClientFrom(HardeningHost.ProxyAddress);
        for (var i = 0; i < HardeningHost.SignInLimit; i++)
        {
            using var attempt = await SignInForwardedAsync(proxy, "203.0.113.7");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        using (var refused = await SignInForwardedAsync(proxy, "203.0.113.7"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }
        // Another person behind the same proxy has a budget of their own: the key is the forwarded address, not the proxy's.
        using (var other = await SignInForwardedAsync(proxy, "203.0.113.8"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        // Not the proxy: the header names the refused client, and is ignored (the address counted is the connection's).
        using var direct = host.ClientFrom("127.0.15.2");
        using (var ignored = await SignInForwardedAsync(direct, "203.0.113.7"))
        {
            Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        }
        // A new forwarded address with every attempt does not give a new budget.
        for (var i = 1; i < HardeningHost.SignInLimit; i++)
        {
            using var attempt = await SignInForwardedAsync(direct, $"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        using (var stillRefused = await SignInForwardedAsync(direct, "198.51.100.99"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        }
    }

    private static Task<HttpResponseMessage> SignInForwardedAsync(HttpClient client, string forwardedFor)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return Forms.SignInAsync(client, "nobody@example.jp", "Wrong-password-1");
    }

    /// <summary>
    /// The refusal (<see cref="CircuitAdmission.Refused"/>, decided by <see cref="CircuitLimitHandler"/> before the circuit renders)
    /// also keeps the layout's notice bell from starting: observed on the node's live bus (listeners of the person's recipient
    /// key) and on the SQL the portal sends about notices, counted from the moment the refused page's circuit is negotiated
    /// (the page's prerender, an HTTP request, came before).
    /// </summary>
    [Fact]
    public async Task A_page_refused_by_the_circuit_limit_shows_no_bell_and_starts_no_live_subscription_nor_unread_count()
    {
        var baseAddress = host.Start();
        var employer = await host.ActorAsync("employer1@example.jp");
        var counter = host.Services.GetRequiredService<CircuitCounter>();
        var dispatcher = host.Services.GetRequiredService<LocalDispatcher>();
        var userId = employer.UserId.ToString();
        var bellKey = Recipients.User(employer.UserId);
        var browser = await chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), Locale = "ja-JP" });
        context.SetDefaultTimeout(30_000);

        var first = await context.NewPageAsync();
        await first.GotoAsync("/Account/Login");
        await first.Locator("#email").FillAsync("employer1@example.jp");
        await first.Locator("#password").FillAsync(PortalHost.DemoPassword);
        await first.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await first.WaitForURLAsync(url => url.EndsWith("/employer", StringComparison.Ordinal), HelloWork.Tests.Browser.PortalBrowser.Committed);
        var second = await context.NewPageAsync();
        await second.GotoAsync("/employer/offers");
        await WaitForCountAsync(counter, userId, HardeningHost.CircuitLimit);
        // The admitted pages each have their bell, listening for the person's notices.
        await Assertions.Expect(second.Locator(".mud-appbar a[href='/notices']")).ToBeVisibleAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (dispatcher.ListenerCount(bellKey) < HardeningHost.CircuitLimit)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{dispatcher.ListenerCount(bellKey)} bells listening, expected {HardeningHost.CircuitLimit}");
            await Task.Delay(50, Ct);
        }
        Assert.Equal(HardeningHost.CircuitLimit, dispatcher.ListenerCount(bellKey));
        // A bell listens first and then reads where it stands and its unread count (LiveNotices.SubscribeAsync, NoticeBell): on a
        // slow machine those reads of the second page can come after the refused page's negotiate and be counted against it.
        // Wait until the portal has sent no notice SQL for a second.
        var quietSince = DateTime.UtcNow;
        for (var seen = host.NoticeCommands.Count; DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(1);)
        {
            Assert.True(DateTime.UtcNow < deadline.AddSeconds(30), $"notice SQL still being sent ({host.NoticeCommands.Count} commands)");
            await Task.Delay(100, Ct);
            if (host.NoticeCommands.Count != seen)
            {
                (seen, quietSince) = (host.NoticeCommands.Count, DateTime.UtcNow);
            }
        }

        var refused = await context.NewPageAsync();
        var commandsAtNegotiate = -1L;
        await refused.RouteAsync(url => url.Contains("/_blazor/negotiate", StringComparison.Ordinal), async route =>
        {
            Interlocked.CompareExchange(ref commandsAtNegotiate, host.NoticeCommands.Count, -1L);
            await route.ContinueAsync();
        });
        await refused.GotoAsync("/employer/offers");
        await Assertions.Expect(refused.GetByRole(AriaRole.Heading, new() { Name = "開いている画面が多すぎます" })).ToBeVisibleAsync();
        await Shot(refused, "circuit-limit-refused-no-bell");
        // One more round trip through the refused circuit after its first render: the layout's menu button still works.
        var drawer = refused.Locator(".mud-drawer").First;
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await refused.GetByRole(AriaRole.Button, new() { Name = "メニュー" }).ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));

        Assert.NotEqual(-1L, Interlocked.Read(ref commandsAtNegotiate));
        Assert.Equal((Interlocked.Read(ref commandsAtNegotiate), HardeningHost.CircuitLimit), (host.NoticeCommands.Count, dispatcher.ListenerCount(bellKey)));
        Assert.Equal(0, await refused.Locator(".mud-appbar a[href='/notices']").CountAsync());
        Assert.Equal(HardeningHost.CircuitLimit, counter.CountOf(userId));
    }
}
