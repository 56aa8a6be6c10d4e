using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using HelloWork.Tests.Host.Http;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Trust;

/// <summary>
/// The authorization matrix (R-ACC-4): every route of the running portal — taken from its own endpoint data, hub
/// methods by reflection over the mapped hub types — against every demo identity and anonymous, on objects they own and
/// objects they don't, compared with <see cref="MatrixTable"/>. A route without a row, or a row without a route, fails.
/// </summary>
public sealed partial class MatrixTests(PortalHost portal, ITestOutputHelper output)
{
    private static readonly HtmlParser Parser = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A route of the running app: its table key, and for hub methods the method.</summary>
    public sealed record Discovered(string Key, MethodInfo? HubMethod, string Source = "");

    /// <summary>The routes the portal serves, as table keys (<c>PAGE /x</c>, <c>GET /x</c>, <c>HUB /hubs/live Method</c>), and how
    /// many static-asset endpoints (files under wwwroot and packages: public by nature) were set aside.</summary>
    public static (IReadOnlyList<Discovered> Routes, IReadOnlyList<string> StaticAssets) Discover(IServiceProvider services)
    {
        var root = services.GetRequiredService<EndpointDataSource>();
        var sources = root is CompositeEndpointDataSource composite ? composite.DataSources : [root];
        var routes = new Dictionary<string, Discovered>();
        var statics = new List<string>();
        foreach (var source in sources)
        {
            var isStatic = source.GetType().Name.Contains("StaticAssets", StringComparison.Ordinal);
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
                if (isStatic)
                {
                    statics.Add(pattern);
                    continue;
                }
                if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
                {
                    routes.TryAdd("PAGE " + pattern, new Discovered("PAGE " + pattern, null));
                    continue;
                }
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Where(m => m is not ("HEAD" or "OPTIONS")).ToList() ?? [];
                foreach (var method in methods.Count > 0 ? methods : ["ANY"])
                {
                    routes.TryAdd($"{method} {pattern}", new Discovered($"{method} {pattern}", null, $"{endpoint.DisplayName} from {source.GetType().Name}"));
                }
                // The app's own hubs: each public method is a door of its own.
                if (endpoint.Metadata.GetMetadata<HubMetadata>() is { } hub && hub.HubType.Assembly == typeof(Program).Assembly
                    && !pattern.EndsWith("/negotiate", StringComparison.Ordinal))
                {
                    foreach (var method in hub.HubType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                                 .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync" or "Dispose")))
                    {
                        routes.TryAdd($"HUB {pattern} {method.Name}", new Discovered($"HUB {pattern} {method.Name}", method));
                    }
                }
            }
        }
        return ([.. routes.Values.OrderBy(r => r.Key, StringComparer.Ordinal)], statics);
    }

    [Fact]
    public async Task Every_route_of_the_running_portal_has_a_row_in_the_matrix_and_every_row_a_route()
    {
        await portal.StartAsync();
        var (routes, statics) = Discover(portal.Services);
        var rows = MatrixTable.Rows.Select(r => r.Route).ToHashSet();
        var missing = routes.Where(r => !rows.Contains(r.Key)).Select(r => $"{r.Key}   ({r.Source})").ToList();
        var stale = rows.Where(r => routes.All(d => d.Key != r)).ToList();
        Assert.True(missing.Count == 0, "Routes without a row in MatrixTable (decide who may use them, see docs/trust-matrix.md):\n  " + string.Join("\n  ", missing));
        Assert.True(stale.Count == 0, "Rows in MatrixTable for routes the portal no longer serves:\n  " + string.Join("\n  ", stale));
        Assert.Equal(rows.Count, MatrixTable.Rows.Count); // one row per route
        Assert.NotEmpty(statics);
        output.WriteLine($"{routes.Count} routes with rows; {statics.Count} static-asset endpoints");
        foreach (var route in routes)
        {
            output.WriteLine($"  {route.Key}");
        }

        // Static assets are public files: no authorization metadata, and a sample answers anonymous visitors.
        using var anonymous = await portal.NewClientAsync();
        foreach (var path in new[] { "/app.css", "/_framework/blazor.web.js" })
        {
            using var response = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Every_route_answers_every_identity_as_the_matrix_says_and_nothing_of_another_owner_shows()
    {
        var (routes, _) = Discover((await StartedAsync()).Services);
        var world = await MatrixWorld.CreateAsync(portal);
        var byKey = routes.ToDictionary(r => r.Key);
        var results = new ConcurrentBag<(MatrixTable.Row Row, MatrixIdentity Identity, MatrixObject? Object, string Expected, string Actual)>();

        var httpCases = new List<(MatrixTable.Row Row, MatrixIdentity Identity, MatrixObject? Object)>();
        foreach (var row in MatrixTable.Rows.Where(r => byKey.ContainsKey(r.Route) && !r.Route.StartsWith("HUB ", StringComparison.Ordinal)))
        {
            foreach (var identity in world.Identities)
            {
                foreach (var obj in ObjectsOf(world, row))
                {
                    httpCases.Add((row, identity, obj));
                }
            }
        }
        await Parallel.ForEachAsync(httpCases, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = Ct }, async (c, _) =>
        {
            var own = c.Object is not null && c.Object.Owners.Contains(c.Identity.Name);
            var expected = MatrixTable.Expected(c.Row, c.Identity.Column, own, c.Identity.Actor?.IsSupervisor == true);
            results.Add((c.Row, c.Identity, c.Object, expected, await HttpOutcomeAsync(world, c.Row, c.Identity, c.Object, expected)));
        });

        var hubRows = MatrixTable.Rows.Where(r => byKey.TryGetValue(r.Route, out var d) && d.HubMethod is not null).ToList();
        await Task.WhenAll(world.Identities.Select(async identity =>
        {
            foreach (var (row, obj, expected, actual) in await HubOutcomesAsync(world, identity, hubRows.Select(r => (r, byKey[r.Route].HubMethod!)).ToList()))
            {
                results.Add((row, identity, obj, expected, actual));
            }
        }));

        // Every own/foreign cell was exercised on both sides (else the objects of the world do not test what the table claims).
        foreach (var row in MatrixTable.Rows.Where(r => r.Cells.Contains('/', StringComparison.Ordinal)))
        {
            foreach (var column in MatrixTable.Columns)
            {
                var split = row.Cells.Split(' ', StringSplitOptions.RemoveEmptyEntries)[Array.IndexOf(MatrixTable.Columns, column)].Contains('/', StringComparison.Ordinal);
                var cases = results.Where(r => r.Row == row && r.Identity.Column == column).ToList();
                if (split)
                {
                    Assert.True(cases.Any(r => r.Object!.Owners.Contains(r.Identity.Name)), $"{row.Route}: no {column} account owns any of its objects");
                    Assert.True(cases.Any(r => !r.Object!.Owners.Contains(r.Identity.Name)), $"{row.Route}: no {column} account is foreign to any of its objects");
                }
            }
        }

        var failures = results.Where(r => r.Actual != r.Expected)
            .Select(r => $"{r.Row.Route} as {r.Identity.Name}{(r.Object is null ? "" : " on " + r.Object.Label)}: expected {r.Expected}, got {r.Actual}")
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
        var cellCount = results.Select(r => (r.Row.Route, r.Identity.Column, Own: r.Object?.Owners.Contains(r.Identity.Name))).Distinct().Count();
        output.WriteLine($"authorization matrix: {MatrixTable.Rows.Count} routes × {world.Identities.Count} identities, {results.Count} checks " +
                         $"({cellCount} route/role/ownership cells); outcomes: " +
                         string.Join(", ", results.GroupBy(r => r.Expected).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} checks differ from MatrixTable:\n  " + string.Join("\n  ", failures.Take(80)));
    }

    /// <summary>Found by the matrix: the admin's list showed every account. It holds the accounts the admin manages, nothing more.</summary>
    [Fact]
    public async Task The_admins_account_list_shows_staff_agency_and_admin_accounts_and_no_jobseeker_or_employer()
    {
        using var admin = await portal.NewClientAsync();
        using (var signIn = await Forms.SignInAsync(admin, "admin@example.jp"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var main = (await Forms.GetPageAsync(admin, "/admin/accounts")).QuerySelector("main")?.TextContent ?? "";

        Assert.Contains("staff1@example.jp", main, StringComparison.Ordinal);
        Assert.Contains("agency2@example.jp", main, StringComparison.Ordinal);
        Assert.Contains("admin@example.jp", main, StringComparison.Ordinal);
        foreach (var email in new[] { "jobseeker1@example.jp", "jobseeker2@example.jp", "employer1@example.jp", "employer2@example.jp" })
        {
            Assert.DoesNotContain(email, main, StringComparison.Ordinal);
        }
    }

    private async Task<PortalHost> StartedAsync()
    {
        await portal.StartAsync();
        return portal;
    }

    internal static IReadOnlyList<MatrixObject?> ObjectsOf(MatrixWorld world, MatrixTable.Row row) =>
        row.Objects == MatrixTable.Objects.None ? [null] : [.. world.Objects[row.Objects]];

    private async Task<string> HttpOutcomeAsync(MatrixWorld world, MatrixTable.Row row, MatrixIdentity identity, MatrixObject? obj, string expected)
    {
        var space = row.Route.IndexOf(' ', StringComparison.Ordinal);
        var kind = row.Route[..space];
        var path = PathOf(row, obj);
        var method = kind == "PAGE" ? HttpMethod.Get : kind == "ANY" ? HttpMethod.Post : new HttpMethod(kind);
        using var request = new HttpRequestMessage(method, path);
        var client = identity.Client;
        HttpClient? own = null;
        try
        {
            if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/Account/Logout", StringComparison.Ordinal))
            {
                // The APIs answer credentials, not cookies: the data API an agency's key, sign-in a password; sign-out is
                // tried with the bearer token, so the identity's cookie client stays signed in; the jobseeker API takes the
                // bearer token only.
                client = own = await portal.NewClientAsync();
                if (identity.ApiKey is not null)
                {
                    request.Headers.Add("X-Api-Key", identity.ApiKey);
                }
                if ((path.StartsWith("/Account/Logout", StringComparison.Ordinal) || path.StartsWith("/api/v1/me/", StringComparison.Ordinal))
                    && identity.Token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.Token);
                }
                if (path.StartsWith("/api/auth/login", StringComparison.Ordinal))
                {
                    request.Content = JsonContent.Create(identity.IsAnonymous
                        ? new { email = "nobody@example.jp", password = "not-a-password" }
                        : new { email = identity.Name, password = PortalHost.DemoPassword });
                }
            }
            if (method == HttpMethod.Post && path.StartsWith("/api/v1/me/", StringComparison.Ordinal))
            {
                // An empty JSON object: well-formed, so what answers is the endpoint's authorization and rules, not the binder.
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }
            if (method == HttpMethod.Post)
            {
                request.Content ??= new StringContent("");
            }
            using var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            var actual = Classify(response, body, kind == "PAGE", identity.Home);
            // What a signed-in person is answered is never kept by a browser or proxy (R-ACC-4): every such answer
            // of every route, for every identity, says no-store.
            if (actual == "ok" && !identity.IsAnonymous && response.IsSuccessStatusCode && response.Headers.CacheControl?.NoStore != true)
            {
                return $"ok but cacheable (Cache-Control: {response.Headers.CacheControl})";
            }
            if (obj is not null && obj.Markers.Count > 0)
            {
                if (actual == "ok" && kind == "PAGE" && !obj.Markers.Any(m => body.Contains(m, StringComparison.Ordinal)))
                {
                    return "ok but without the object's content";
                }
                if (actual != "ok" && obj.Markers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } leak)
                {
                    return $"{actual} but LEAKS \"{leak}\"";
                }
            }
            if (!world.MaySeeJobseeker1.Contains(identity.Name) && body.Contains(world.Jobseeker1Name, StringComparison.Ordinal))
            {
                return $"{actual} but LEAKS jobseeker1's name";
            }
            return actual;
        }
        finally
        {
            own?.Dispose();
        }
    }

    /// <summary>The outcome a response shows: ok, login, denied, 404, 400, or what else it was.</summary>
    private static string Classify(HttpResponseMessage response, string body, bool isPage, string? home)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            var target = location is null ? "" : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return target.TrimStart('~').StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) ? "login"
                : target.TrimStart('~').StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? "denied"
                : isPage && home is not null && target.TrimStart('~') == home ? "home"
                : isPage ? $"redirect to {target}"
                : location is { IsAbsoluteUri: true } && location.Host is not ("127.0.0.1" or "localhost") ? $"redirect off the portal to {location}"
                : "ok";
        }
        switch (status)
        {
            case 401:
                return "login";
            case 403:
                return "denied";
            case 404:
                return "404";
            case 400:
                return "400";
            case 422:
                return "422";
        }
        if (status == 200 && isPage)
        {
            var h1 = Parser.ParseDocument(body).QuerySelector("h1")?.TextContent.Trim() ?? "";
            return h1.Contains("アクセスできません", StringComparison.Ordinal) ? "denied"
                : h1.Contains("見つかりません", StringComparison.Ordinal) ? "404"
                : h1.Length == 0 ? "200 without a heading"
                : "ok";
        }
        return status is >= 200 and < 300 ? "ok" : $"status {status}";
    }

    /// <summary>The address a row's route takes for an object (its parameters filled in, the row's query added).</summary>
    internal static string PathOf(MatrixTable.Row row, MatrixObject? obj) =>
        Fill(row.Route[(row.Route.IndexOf(' ', StringComparison.Ordinal) + 1)..], obj) + (row.Query is null ? "" : "?" + row.Query);

    private static string Fill(string pattern, MatrixObject? obj) => RouteParameter().Replace(pattern, m =>
        obj is not null && obj.Values.TryGetValue(m.Groups["name"].Value, out var value)
            ? Uri.EscapeDataString(value)
            : m.Groups["name"].Value switch
            {
                "documentName" => "v1",
                "path" => "trust-matrix-no-such-file.txt",
                "key" or "Key" => "trust-matrix-no-such-key",
                "Step" => "5",
                _ => throw new InvalidOperationException($"No value for {{{m.Groups["name"].Value}}} in {pattern}: give the row an Objects kind that fills it."),
            });

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>Connects as the identity (bearer token) and calls every hub method of the table with own and foreign keys.</summary>
    private async Task<List<(MatrixTable.Row Row, MatrixObject? Object, string Expected, string Actual)>> HubOutcomesAsync(MatrixWorld world,
        MatrixIdentity identity, IReadOnlyList<(MatrixTable.Row Row, MethodInfo Method)> hubRows)
    {
        var results = new List<(MatrixTable.Row, MatrixObject?, string, string)>();
        var baseAddress = await portal.StartAsync();
        var pattern = hubRows.Select(h => h.Row.Route.Split(' ')[1]).Distinct().Single();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, pattern), o =>
            {
                if (identity.Token is { } token)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        string? refused = null;
        try
        {
            await connection.StartAsync(Ct);
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            refused = "login";
        }
        foreach (var (row, method) in hubRows)
        {
            foreach (var obj in ObjectsOf(world, row))
            {
                var own = obj is not null && obj.Owners.Contains(identity.Name);
                var expected = MatrixTable.Expected(row, identity.Column, own, identity.Actor?.IsSupervisor == true);
                results.Add((row, obj, expected, refused ?? await CallAsync(connection, method, obj)));
            }
        }
        return results;
    }

    private static async Task<string> CallAsync(HubConnection connection, MethodInfo method, MatrixObject? obj)
    {
        var key = obj?.Values["recipient"];
        var args = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => p.ParameterType == typeof(string) ? key ?? throw new InvalidOperationException($"{method.Name} needs a recipient key")
                : p.ParameterType == typeof(long) ? 0L
                : p.ParameterType == typeof(int) ? (object)0
                : throw new InvalidOperationException($"No argument for {method.Name}({p.ParameterType.Name} {p.Name}): teach MatrixTests.CallAsync."))
            .ToArray();
        try
        {
            var items = new List<object?>();
            if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
            {
                await foreach (var item in connection.StreamAsyncCore<object>(method.Name, args, Ct))
                {
                    items.Add(item);
                }
            }
            else
            {
                items.Add(await connection.InvokeCoreAsync(method.Name, typeof(object), args, Ct));
            }
            // What came back belongs to the key asked for, and only to it.
            var foreign = items.SelectMany(Flatten).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("recipient", out var r) && r.GetString() != key).ToList();
            return key is not null && foreign.Count > 0 ? $"ok but returned {foreign.Count} notices of other recipients" : "ok";
        }
        catch (HubException)
        {
            return "denied";
        }
    }

    private static IEnumerable<JsonElement> Flatten(object? item) => item switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
        JsonElement element => [element],
        _ => [],
    };
}
