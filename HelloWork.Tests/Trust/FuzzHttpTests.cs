using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Trust;

/// <summary>
/// Fuzzing the HTTP surface on the real host: the JSON APIs under /api, the document endpoints, the search page's query
/// string, the culture switch and the sign-in and registration forms. Never a 5xx; a refusal is a 4xx with a clear message
/// (problem details with a detail for the APIs, a page for pages); no body ever carries a stack trace or exception text.
/// Sign-in attempts use addresses that do not exist, so no demo account is locked by the fuzz.
/// </summary>
[Collection(AccountsCollection.Name)] // it opens an account: never while another test counts them
public sealed class FuzzHttpTests(PortalHost portal, ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private int _cases;

    private static readonly string[] StackTraceMarks =
        [".cs:line", "   at System.", "   at Microsoft.", "   at HelloWork.", "StackTrace", "An unhandled exception", "NullReferenceException", "SqliteException", "DbUpdateException"];

    /// <summary>Checks one response; returns its body.</summary>
    private async Task<string> CheckAsync(string target, string input, HttpResponseMessage response, bool api)
    {
        _cases++;
        var body = await response.Content.ReadAsStringAsync(Ct);
        var status = (int)response.StatusCode;
        var key = $"{target} {status}";
        _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
        if (status >= 500)
        {
            Fail(target, input, $"answered {status}: {Head(body)}");
        }
        if (StackTraceMarks.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } mark)
        {
            Fail(target, input, $"body of a {status} shows '{mark}': {Head(body)}");
        }
        // 414 and 431 come from Kestrel before any application code runs (request line or headers too long): a bare status is right.
        // So does a 400 with no body that closes the connection (Kestrel refusing e.g. a NUL in the path).
        var kestrel = status is 414 or 431 || (status == 400 && body.Length == 0 && response.Headers.ConnectionClose == true);
        if (api && status is >= 400 and < 500 and not 405 && !kestrel)
        {
            try
            {
                using var problem = JsonDocument.Parse(body);
                var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
                var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
                if (string.IsNullOrWhiteSpace(detail) && string.IsNullOrWhiteSpace(title))
                {
                    Fail(target, input, $"{status} without a message: {Head(body)}");
                }
            }
            catch (JsonException)
            {
                Fail(target, input, $"{status} is not problem details: {Head(body)}");
            }
        }
        return body;
    }

    private void Fail(string target, string input, string what) => _failures.Add($"[{target}] {what} — input {FuzzWorld.Describe(input)}");

    private static string Head(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private void Report()
    {
        output.WriteLine($"fuzz seed {FuzzInputs.Seed} (set HELLOWORK_FUZZ_SEED to change); {_cases} requests");
        foreach (var (key, count) in _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key}: {count}");
        }
        foreach (var f in _failures.Take(30))
        {
            output.WriteLine("  FAIL " + f);
        }
        Assert.True(_failures.Count == 0, $"{_failures.Count} fuzz failures (seed {FuzzInputs.Seed}), first: {_failures.FirstOrDefault()}");
    }

    /// <summary>Text a URL or a form can carry: a browser sends U+FFFD for a lone surrogate (the raw-byte cases cover the rest).</summary>
    private static string Sendable(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Percent-encoded byte sequences that are not UTF-8 or not escapes at all.</summary>
    private static readonly string[] RawEscapes = ["%ED%A0%80", "%FF%FE", "%C0%AF", "%", "%%", "%zz", "%00", "%E2%80%AE", "%0d%0aSet-Cookie:x=1"];

    private static string QueryValue(FuzzInputs fuzz)
    {
        if (fuzz.Chance(0.15))
        {
            return fuzz.Pick(RawEscapes);
        }
        var value = Sendable(fuzz.NextString().Value);
        // Kestrel bounds the request line (8 KB by default; past that 414 is the right answer): most values are cut to fit, some not.
        var escaped = Uri.EscapeDataString(value.Length > 10_000 ? value[..10_000] : value);
        if (escaped.Length > 6000 && fuzz.Chance(0.8))
        {
            escaped = escaped[..6000];
            escaped = escaped[..(escaped.LastIndexOf('%') is var at && at > 5990 ? at : escaped.Length)];
        }
        return escaped;
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    /// <summary>A JSON object with the given fields, each either a fuzzed value of any type or the given good value.</summary>
    private static string Body(FuzzInputs fuzz, params (string Name, string GoodJson)[] fields)
    {
        var parts = new List<string>();
        foreach (var (name, good) in fields)
        {
            var roll = fuzz.Next(10);
            if (roll == 0)
            {
                continue; // missing
            }
            parts.Add($"\"{name}\":{(roll < 5 ? good : fuzz.NextJsonValue())}");
        }
        if (fuzz.Chance(0.1))
        {
            parts.Add($"\"unexpected\":{fuzz.NextJsonValue()}");
        }
        return "{" + string.Join(",", parts) + "}";
    }

    private static string NotAnObject(FuzzInputs fuzz) => fuzz.Next(8) switch
    {
        0 => "",
        1 => "[{\"email\":\"a\"}]",
        2 => "\"just a string\"",
        3 => "{\"email\":",
        4 => "{'single':'quotes'}",
        5 => new string('[', 5000) + new string(']', 5000),
        6 => "\uFEFF{}",
        _ => "nul",
    };

    [Fact]
    public async Task The_json_apis_answer_malformed_bodies_with_problem_details_never_a_server_error()
    {
        await portal.StartAsync();
        var fuzz = new FuzzInputs("http-api");

        // A jobseeker of its own, so that what the fuzz creates touches no other test's data.
        var email = Registrations.NewEmail("fuzz-api");
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>()
                .RegisterJobseekerAsync(new JobseekerRegistration(email, Registrations.GoodPassword, "試験 太郎", "シケン タロウ", new DateOnly(1990, 4, 1), null, AcceptedTerms: true), Ct);
        }
        using var jobseeker = await portal.NewClientAsync();
        using (var login = await jobseeker.PostAsJsonAsync("/api/auth/login", new { email, password = Registrations.GoodPassword }, Ct))
        {
            login.EnsureSuccessStatusCode();
            var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("accessToken").GetString();
            jobseeker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var now = DateTimeOffset.UtcNow;
        // Not the demo employers' offers: other tests count their applicants.
        var demoEstablishments = await portal.QueryAsync(db => db.Users.Where(u => u.EstablishmentId != null).Select(u => u.EstablishmentId!.Value).ToListAsync(Ct));
        var offers = (await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Published).ToListAsync(Ct)))
            .Where(o => o.AcceptsSelfApplication(now) && !demoEstablishments.Contains(o.EstablishmentId)).Select(o => o.JobNumber!).ToList();
        using var anonymous = await portal.NewClientAsync();

        // Sign-in: bodies of every shape, addresses that do not exist.
        for (var i = 0; i < 120; i++)
        {
            var json = fuzz.Chance(0.2) ? NotAnObject(fuzz) : Body(fuzz, ("email", JsonSerializer.Serialize($"nobody-{i}@example.jp")), ("password", "\"HelloWork!2026\""));
            using var response = await PostJsonAsync(anonymous, "/api/auth/login", json);
            await CheckAsync("login", json, response, api: true);
            if (response.IsSuccessStatusCode)
            {
                Fail("login", json, "a sign-in with an unknown address succeeded");
            }
        }

        // Applying: real job numbers half of the time, so that successes and rule refusals are both reached.
        var applications = new List<Guid>();
        for (var i = 0; i < 160; i++)
        {
            var json = fuzz.Chance(0.1) ? NotAnObject(fuzz) : Body(fuzz,
                ("jobNumber", JsonSerializer.Serialize(offers[i % offers.Count])),
                ("motivation", JsonSerializer.Serialize(fuzz.NextString().Value)),
                ("selfApplicationAcknowledged", "true"),
                ("referralId", "null"));
            using var response = await PostJsonAsync(jobseeker, "/api/v1/me/applications", json);
            var body = await CheckAsync("me/applications", json, response, api: true);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
                applications.Add(id);
                var motivation = JsonDocument.Parse(json).RootElement.GetProperty("motivation").GetString()!;
                var stored = await portal.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Motivation).SingleAsync(Ct));
                if (stored != motivation.Trim())
                {
                    Fail("me/applications", json, $"stored motivation differs: {FuzzWorld.Describe(stored)}");
                }
            }
        }
        Assert.NotEmpty(applications);

        // Messages on the jobseeker's own applications, on unknown ids, on ids that are not ids.
        for (var i = 0; i < 120; i++)
        {
            var target = fuzz.Next(10) switch
            {
                0 => Guid.NewGuid().ToString(),
                1 => Uri.EscapeDataString(Sendable(fuzz.NextString().Value) is { Length: > 0 and < 200 } s ? s : "x"),
                _ => applications[i % applications.Count].ToString(),
            };
            var json = fuzz.Chance(0.1) ? NotAnObject(fuzz) : Body(fuzz, ("body", JsonSerializer.Serialize(fuzz.NextString().Value)));
            using var response = await PostJsonAsync(jobseeker, $"/api/v1/me/applications/{target}/messages", json);
            await CheckAsync("me/messages", target + " " + json, response, api: response.Content.Headers.ContentType?.MediaType == "application/problem+json" || (int)response.StatusCode != 404);
        }

        // Someone else's application is not found, whatever the body (R-ACC-4).
        using var other = await Api.SignedInAsync(portal, "jobseeker1@example.jp");
        using (var foreign = await PostJsonAsync(other, $"/api/v1/me/applications/{applications[0]}/messages", "{\"body\":\"他人の応募です\"}"))
        {
            await CheckAsync("me/messages", "foreign", foreign, api: true);
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        // The agencies' data API: an approved agency's key, malformed query strings.
        var agencyUser = await portal.QueryAsync(db => db.Users.FirstAsync(u => u.Email == "agency2@example.jp", Ct));
        var key = (await portal.Services.GetRequiredService<AgencyService>()
            .CreateKeyAsync(new Actor(agencyUser.Id, Roles.Agency, agencyUser.DisplayName, AgencyId: agencyUser.AgencyId), "fuzz", Ct)).Secret;
        for (var i = 0; i < 80; i++)
        {
            var name = fuzz.Pick("format", "updatedSince", "pageSize", "cursor", "page");
            var path = fuzz.Chance(0.2) ? $"/api/v1/provision/jobseekers/{QueryValue(fuzz)}" // a made-up profile token: 404, never 500
                : fuzz.Chance(0.5) ? $"/api/v1/provision/job-offers?{name}={QueryValue(fuzz)}" : $"/api/v1/provision/jobseekers?{name}={QueryValue(fuzz)}";
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            // A header carries printable ASCII only (the client refuses anything else before sending).
            var junk = new string([.. fuzz.NextString().Value.Where(c => c is >= ' ' and <= '~').Take(500)]);
            request.Headers.TryAddWithoutValidation("X-Api-Key", fuzz.Chance(0.8) ? key : junk);
            using var response = await anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            if ((int)response.StatusCode == 200)
            {
                _cases++;
                continue; // an accepted query streams the whole export: its status is what counts here
            }
            await CheckAsync("provision", path, response, api: true);
        }
        Report();
    }

    [Fact]
    public async Task Pages_documents_and_forms_answer_malformed_input_without_a_server_error_or_a_stack_trace()
    {
        await portal.StartAsync();
        var fuzz = new FuzzInputs("http-pages");
        using var anonymous = await portal.NewClientAsync();
        using var jobseeker = await portal.NewClientAsync();
        using (var signIn = await Forms.SignInAsync(jobseeker, "jobseeker2@example.jp"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        string[] keys = ["q", "not", "area", "occ", "type", "cat", "wage", "wageForm", "from", "until", "holidays", "no", "sort", "size", "page", "self"];

        // The search page's query string (a link anyone can craft), signed in and not.
        for (var i = 0; i < 140; i++)
        {
            var query = string.Join("&", Enumerable.Range(0, 1 + fuzz.Next(3)).Select(_ => $"{fuzz.Pick(keys)}={QueryValue(fuzz)}"));
            using var response = await (i % 2 == 0 ? anonymous : jobseeker).GetAsync("/search?" + query, Ct);
            await CheckAsync("search-page", query, response, api: false);
        }

        // Job sheets and slips by malformed numbers and ids; a job page by a malformed number.
        for (var i = 0; i < 80; i++)
        {
            var value = QueryValue(fuzz);
            value = value.Length > 1000 ? value[..1000] : value;
            var path = fuzz.Next(4) switch
            {
                0 => $"/documents/job-sheets/{value}.pdf",
                1 => $"/documents/referral-slips/{value}.pdf",
                2 => $"/documents/application-documents/{value}",
                _ => $"/jobs/{value}",
            };
            using var response = await jobseeker.GetAsync(path, Ct);
            await CheckAsync("documents", path, response, api: false);
        }

        // The language switch: a culture that is not offered, a return address that is not local.
        string[] returns = ["//evil.example", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "\\\\evil.example", "/search?q=営業", "javascript:alert(1)"];
        for (var i = 0; i < 40; i++)
        {
            var path = $"/culture?culture={QueryValue(fuzz)}&returnUrl={(fuzz.Chance(0.5) ? Uri.EscapeDataString(fuzz.Pick(returns)) : QueryValue(fuzz))}";
            using var response = await anonymous.GetAsync(path, Ct);
            await CheckAsync("culture", path, response, api: false);
            if (response.Headers.Location is { } location && (location.IsAbsoluteUri || location.OriginalString.StartsWith("//", StringComparison.Ordinal)
                || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal)))
            {
                Fail("culture", path, $"redirects off the site to {location}");
            }
        }

        // The sign-in and registration forms, filled in by hand with anything (addresses that do not exist).
        for (var i = 0; i < 40; i++)
        {
            using var client = await portal.NewClientAsync();
            var (generator, value) = fuzz.NextString();
            var fields = new Dictionary<string, string>
            {
                ["Input.Email"] = fuzz.Chance(0.5) ? Sendable(value) : $"nobody-{i}@example.jp",
                ["Input.Password"] = Sendable(fuzz.NextString().Value),
            };
            using var response = await Forms.SubmitAsync(client, "/Account/Login", "login", fields);
            await CheckAsync("login-form", generator + ": " + fields["Input.Email"], response, api: false);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) != true)
            {
                Fail("login-form", fields["Input.Email"], "an unknown address was signed in");
            }
        }
        // The registration form is fuzzed on the domain fuzz's own portal (FuzzDomainTests): the accounts it opens carry junk names
        // and phone numbers that must not land in the shared database other tests read (e.g. the agencies' personal-data check).
        // A form post without its antiforgery token, as a cross-site page would send it.
        using (var forged = await anonymous.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = "nobody@example.jp", ["Input.Password"] = "x",
        }), Ct))
        {
            await CheckAsync("login-form", "no antiforgery token", forged, api: false);
            Assert.Equal(HttpStatusCode.SeeOther, forged.StatusCode); // to the Japanese explanation, nothing done (ExpiredForms)
            Assert.StartsWith("/form-expired?returnUrl=", forged.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Report();
    }
}
