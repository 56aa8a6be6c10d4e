using System.Net;
using HelloWork.Domain.Audit;
using HelloWork.Tests.Host.Http;
using HelloWork.Tests.Host.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelloWork.Tests.Trust;

/// <summary>
/// すべての端末からログアウト on ログインとセキュリティ ends every other session of the person at once — another browser's
/// cookie, an open hub connection (and its token) — while the session that asked goes on; the end is audited (R-ACC-4, R-AUD-1).
/// Another person's sessions are untouched. (Two nodes: <see cref="ScaleOutAccessEndTests"/>.)
/// </summary>
public sealed class SignOutEverywhereTests(LiveHubFixture fixture, ITestOutputHelper output) : IClassFixture<LiveHubFixture>
{
    private PortalHost Node => fixture.Host;

    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Node.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        using var signIn = await Forms.SignInAsync(client, email, AccessEndScenario.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_other_session_and_connection_of_the_person_only_R_ACC_4_R_AUD_1()
    {
        var (userId, email) = await AccessEndScenario.NewLoginUserAsync(Node);
        using var asking = await SignedInAsync(email);
        using var other = await SignedInAsync(email);
        using var someoneElse = await SignedInAsync("employer1@example.jp");
        var token = await AccessEndScenario.TokenAsync(Node.BaseAddress, email);
        await using var connection = new AccessEndScenario.Connection(Node.BaseAddress, token);
        await using var mainConnection = new AccessEndScenario.Connection(Node.BaseAddress, await AccessEndScenario.TokenAsync(Node.BaseAddress, "employer1@example.jp"));
        await connection.Hub.StartAsync(TestContext.Current.CancellationToken);
        await mainConnection.Hub.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(other, "/employer"));

        using (var done = await Forms.SubmitAsync(asking, "/Account/Security", "sign-out-everywhere", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        // The hub connection is closed by the server, and its token opens nothing any more.
        Assert.NotNull(await connection.ClosedWithinAsync(TimeSpan.FromSeconds(10)));
        await using var again = new AccessEndScenario.Connection(Node.BaseAddress, token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.Hub.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        // The other browser is signed out; the one that asked is not, and says so.
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(other, "/employer"));
        var page = await Forms.GetPageAsync(asking, "/Account/Security?signedOut=true");
        Assert.NotNull(page.GetElementById("signed-out-everywhere"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(asking, "/employer"));
        // Another person goes on.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(someoneElse, "/employer"));
        Assert.Equal(HubConnectionState.Connected, mainConnection.Hub.State);

        Assert.Contains(AuditActions.SignedOutEverywhere, await Node.QueryAuditAsync(userId));
    }

    [Fact]
    public async Task Signing_out_everywhere_through_the_service_cuts_the_hub_connection_off_before_the_next_notice_R_ACC_4_R_AUD_1() =>
        await AccessEndScenario.RunAsync(Node, Node.BaseAddress, (_, id) => AccessEndScenario.SignOutEverywhereAsync(Node, id), AuditActions.SignedOutEverywhere, output);
}
