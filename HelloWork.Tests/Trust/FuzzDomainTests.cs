using System.Globalization;
using System.Reflection;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Trust;

/// <summary>
/// Fuzzing the forms' domain operations (R-ERR-1): generated malformed input (<see cref="FuzzInputs"/>) into job offer
/// entry, the jobseeker profile, applying, messages, registration, direct-request declines, saved searches and the job search.
/// Each case must either succeed with the text stored as given (trimmed where the field trims; markup is just text) or be
/// refused with a <see cref="DomainException"/> whose code has a message — and then the database must be unchanged. A
/// NullReferenceException, DbUpdateException, ArgumentException, JsonException … is a failure, as is stored text that is not text.
/// </summary>
public sealed class FuzzDomainTests(FuzzWorld world, ITestOutputHelper output) : IClassFixture<FuzzWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<T> ReadAsync<T>(Func<HelloWorkDb, Task<T>> query) => world.Get<Operations>().ReadAsync(query);

    private async Task<List<Guid>> SelfApplicationOffersAsync(Actor jobseeker)
    {
        var now = world.Get<TimeProvider>().GetUtcNow();
        var offers = await ReadAsync(db => db.JobOffers.ToListAsync(Ct));
        var applied = await ReadAsync(db => db.Applications.Where(a => a.JobseekerId == jobseeker.JobseekerId && a.Status == ApplicationStatus.InSelection)
            .Select(a => a.JobOfferId).ToListAsync(Ct));
        return [.. offers.Where(o => o.AcceptsSelfApplication(now) && !applied.Contains(o.Id)).Select(o => o.Id)];
    }

    private static string? Trimmed(string? input, bool emptyIsNull) => (input ?? "").Trim() is { Length: 0 } ? (emptyIsNull ? null : "") : input!.Trim();

    [Fact]
    public async Task Applying_with_a_malformed_motivation_is_refused_cleanly_or_stored_as_given()
    {
        var jobseeker = await world.ActorAsync("jobseeker2@example.jp");
        var offers = await SelfApplicationOffersAsync(jobseeker);
        Assert.NotEmpty(offers);
        var fuzz = new FuzzInputs("apply");
        var applications = world.Get<ApplicationService>();
        for (var i = 0; i < 160; i++)
        {
            var (generator, motivation) = fuzz.NextString();
            var offerId = fuzz.Chance(0.05) ? fuzz.Pick(Guid.Empty, Guid.NewGuid()) : offers[i % offers.Count];
            var id = Guid.Empty;
            if (await world.CaseAsync("apply", generator, motivation, () => world.SnapshotAsync(),
                async () => id = await applications.ApplyAsync(jobseeker, new ApplyInput(offerId, motivation, [], SelfApplicationAcknowledged: true), Ct)))
            {
                var stored = await ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Motivation).SingleAsync(Ct));
                if (stored != Trimmed(motivation, emptyIsNull: false))
                {
                    world.Fail("apply", generator, motivation, $"stored motivation differs: {FuzzWorld.Describe(stored)}");
                }
                world.AssertStoredIsText("apply", generator, motivation, stored);
                // Withdraw it again (R-CAN-1) so the offer can be applied to by the next case.
                await applications.CancelAsync(jobseeker, id, Ct);
            }
        }
        world.Report(output, "apply");
    }

    [Fact]
    public async Task Messages_with_malformed_bodies_are_refused_cleanly_or_stored_as_given()
    {
        var jobseeker = await world.ActorAsync("jobseeker2@example.jp");
        var offers = await SelfApplicationOffersAsync(jobseeker);
        var applicationId = await world.Get<ApplicationService>().ApplyAsync(jobseeker,
            new ApplyInput(offers[^1], "メッセージの試験のための応募です。", [], SelfApplicationAcknowledged: true), Ct);
        var employer = await world.ActorAsync("employer1@example.jp");
        var fuzz = new FuzzInputs("message");
        var messages = world.Get<MessageService>();
        for (var i = 0; i < 160; i++)
        {
            var (generator, body) = fuzz.NextString();
            var target = fuzz.Chance(0.05) ? fuzz.Pick(Guid.Empty, Guid.NewGuid()) : applicationId;
            // Another employer's staff cannot write into this thread (R-ACC-4): a scope refusal, nothing stored.
            var sender = fuzz.Chance(0.05) ? employer : jobseeker;
            var id = Guid.Empty;
            if (await world.CaseAsync("message", generator, body, () => world.SnapshotAsync(),
                async () => id = await messages.SendAsync(sender, target, body, Ct), scopeAllowed: true))
            {
                var stored = await ReadAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Body).SingleAsync(Ct));
                if (stored != Trimmed(body, emptyIsNull: false))
                {
                    world.Fail("message", generator, body, $"stored body differs: {FuzzWorld.Describe(stored)}");
                }
                world.AssertStoredIsText("message", generator, body, stored);
            }
        }
        world.Report(output, "message");
    }

    /// <summary>The entry screens' sections in screen order (1 求人区分等 … 8 選考方法).</summary>
    private static readonly PropertyInfo[] Sections =
    [
        typeof(JobSheet).GetProperty(nameof(JobSheet.Basics))!, typeof(JobSheet).GetProperty(nameof(JobSheet.Establishment))!,
        typeof(JobSheet).GetProperty(nameof(JobSheet.Work))!, typeof(JobSheet).GetProperty(nameof(JobSheet.Wages))!,
        typeof(JobSheet).GetProperty(nameof(JobSheet.Hours))!, typeof(JobSheet).GetProperty(nameof(JobSheet.Conditions))!,
        typeof(JobSheet).GetProperty(nameof(JobSheet.Company))!, typeof(JobSheet).GetProperty(nameof(JobSheet.Selection))!,
    ];

    [Fact]
    public async Task Job_offer_entry_saves_with_malformed_fields_are_refused_cleanly_or_stored_as_given()
    {
        var employer = await world.ActorAsync("employer1@example.jp");
        var offers = world.Get<JobOfferService>();
        var pristine = await ReadAsync(db => db.JobOffers.Where(o => o.EstablishmentId == employer.EstablishmentId && o.Status == OfferStatus.Published)
            .Select(o => o.Sheet).FirstAsync(Ct));
        var draft = await offers.CreateDraftAsync(employer, ct: Ct);
        var fuzz = new FuzzInputs("offer");
        var saved = 0;
        for (var i = 0; i < 260; i++)
        {
            var sheet = JsonSerializer.Deserialize<JobSheet>(JsonSerializer.Serialize(pristine))!;
            var screen = fuzz.Next(Sections.Length) + 1;
            var section = Sections[screen - 1].GetValue(sheet)!;
            var fields = section.GetType().GetProperties().Where(p => p.CanWrite).ToArray();
            var field = fields[fuzz.Next(fields.Length)];
            var (generator, value) = Fuzz(fuzz, field.PropertyType);
            field.SetValue(section, value);
            var input = $"{section.GetType().Name}.{field.Name} = {(value is string s ? FuzzWorld.Describe(s) : Convert.ToString(value, CultureInfo.InvariantCulture))}";
            if (await world.CaseAsync("offer", generator, input, () => world.SnapshotAsync("JobOffers", draft),
                () => offers.SaveAsync(employer, draft, sheet, screen, Ct)))
            {
                saved++;
                var stored = await ReadAsync(db => db.JobOffers.Where(o => o.Id == draft).Select(o => o.Sheet).SingleAsync(Ct));
                var back = field.GetValue(Sections[screen - 1].GetValue(stored));
                if (!Equals(back, value))
                {
                    world.Fail("offer", generator, input, $"stored value differs: {Convert.ToString(back, CultureInfo.InvariantCulture)}");
                }
                if (back is string text)
                {
                    world.AssertStoredIsText("offer", generator, input, text);
                }
                if (saved % 25 == 0)
                {
                    // 申込み of what was saved: accepted or refused with OfferHasErrors; then a fresh draft.
                    await world.CaseAsync("offer", generator, "submit after " + input, () => world.SnapshotAsync("JobOffers", draft),
                        () => offers.SubmitAsync(employer, draft, Ct));
                    draft = await offers.CreateDraftAsync(employer, ct: Ct);
                }
            }
        }
        // A screen number that is not one of the eight.
        await world.CaseAsync("offer", "number", "screen 0 / 9 / int.MaxValue", () => world.SnapshotAsync("JobOffers", draft), async () =>
        {
            foreach (var screen in new[] { 0, 9, int.MaxValue, int.MinValue })
            {
                await Assert.ThrowsAsync<DomainException>(() => offers.SaveAsync(employer, draft, pristine, screen, Ct));
            }
            throw new DomainException("InvalidChoice", "Screen");
        });
        world.Report(output, "offer");
    }

    /// <summary>A malformed value for a property of the given type: text from the string generators, numbers past every edge,
    /// enum values that are not defined, times at their limits.</summary>
    private static (string Generator, object? Value) Fuzz(FuzzInputs fuzz, Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(string))
        {
            var (g, s) = fuzz.NextString();
            return (g, s);
        }
        if (inner == typeof(int))
        {
            return ("number", fuzz.NextInt());
        }
        if (inner == typeof(long))
        {
            return ("number", fuzz.NextLong());
        }
        if (inner == typeof(bool))
        {
            return ("bool", fuzz.Chance(0.5));
        }
        if (inner == typeof(TimeOnly))
        {
            return ("time", fuzz.Pick(TimeOnly.MinValue, TimeOnly.MaxValue, new TimeOnly(23, 59), new TimeOnly(0, 0, 1)));
        }
        if (inner.IsEnum)
        {
            return ("enum", Enum.ToObject(inner, fuzz.Pick(-1, 999, int.MaxValue, 0)));
        }
        if (inner == typeof(DateOnly))
        {
            return ("date", fuzz.Pick(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31)));
        }
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            // A list of the 求職申込書 (学歴, 職歴, …): one, a few or too many entries, each made of malformed values.
            var element = inner.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            var generator = "list";
            for (var count = fuzz.Pick(1, 3, 25); list.Count < count;)
            {
                var (g, value) = FuzzEntry(fuzz, element);
                generator = "list of " + g;
                list.Add(value);
            }
            return (generator, list);
        }
        throw new InvalidOperationException("No generator for " + type);
    }

    /// <summary>One entry of a list: a plain value, or a record built through its constructor from malformed values.</summary>
    private static (string Generator, object? Value) FuzzEntry(FuzzInputs fuzz, Type type)
    {
        if (type == typeof(string) || type.IsEnum || type.IsPrimitive)
        {
            return Fuzz(fuzz, type);
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var generators = new List<string>();
        var arguments = constructor.GetParameters().Select(p =>
        {
            var (g, value) = Fuzz(fuzz, p.ParameterType);
            generators.Add(g);
            return value;
        }).ToArray();
        return ($"{type.Name}({string.Join(",", generators)})", constructor.Invoke(arguments));
    }

    [Fact]
    public async Task Profile_updates_with_malformed_fields_are_refused_cleanly_or_stored_as_given()
    {
        var jobseeker = await world.ActorAsync("jobseeker1@example.jp");
        var profiles = world.Get<JobseekerProfileService>();
        var fuzz = new FuzzInputs("profile");
        var wishFields = typeof(JobseekerWishes).GetProperties().Where(p => p.CanWrite).ToArray();
        for (var i = 0; i < 160; i++)
        {
            if (i % 2 == 0)
            {
                var which = fuzz.Next(3);
                var (generator, value) = fuzz.NextString();
                var phone = which == 0 ? value : "03-3812-8609";
                var postal = which == 1 ? value : "113-0033";
                var address = which == 2 ? value : "東京都文京区本郷1-1-1";
                if (await world.CaseAsync("profile", generator, $"contact[{which}] = {FuzzWorld.Describe(value)}",
                    () => world.SnapshotAsync("Jobseekers", jobseeker.JobseekerId), () => profiles.UpdateContactAsync(jobseeker, phone, postal, address, Ct)))
                {
                    var stored = await profiles.ReadAsync(jobseeker, Ct);
                    var back = which switch { 0 => stored.Phone, 1 => stored.PostalCode, _ => stored.Address };
                    if (back != Trimmed(value, emptyIsNull: true))
                    {
                        world.Fail("profile", generator, value, $"stored contact differs: {FuzzWorld.Describe(back)}");
                    }
                    world.AssertStoredIsText("profile", generator, value, back);
                }
            }
            else
            {
                var current = (await profiles.ReadAsync(jobseeker, Ct)).Wishes;
                var wishes = current with { };
                var field = wishFields[fuzz.Next(wishFields.Length)];
                var (generator, value) = Fuzz(fuzz, field.PropertyType);
                field.SetValue(wishes, value);
                var input = $"Wishes.{field.Name} = {value switch
                {
                    string s => FuzzWorld.Describe(s),
                    System.Collections.ICollection c => $"{generator} ×{c.Count}",
                    _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                }}";
                if (await world.CaseAsync("profile", generator, input, () => world.SnapshotAsync("Jobseekers", jobseeker.JobseekerId),
                    () => profiles.UpdateWishesAsync(jobseeker, wishes, Ct)))
                {
                    var back = field.GetValue((await profiles.ReadAsync(jobseeker, Ct)).Wishes);
                    var expected = value is string text ? Trimmed(text, emptyIsNull: true) : value;
                    // A list is stored as given when it comes back with as many entries (their text is trimmed like any text).
                    var same = value is System.Collections.ICollection given
                        ? back is System.Collections.ICollection stored && stored.Count == given.Count
                        : Equals(back, expected) || (back is "" && expected is null);
                    if (!same)
                    {
                        world.Fail("profile", generator, input, $"stored wish differs: {Convert.ToString(back, CultureInfo.InvariantCulture)}");
                    }
                    world.AssertStoredIsText("profile", generator, input, back as string);
                }
            }
        }
        world.Report(output, "profile");
    }

    [Fact]
    public async Task Registrations_with_malformed_fields_are_refused_field_by_field_or_stored_as_given()
    {
        var fuzz = new FuzzInputs("registration");
        for (var i = 0; i < 120; i++)
        {
            var email = fuzz.Chance(0.15) ? fuzz.NextString().Value : $"fuzz-{FuzzInputs.Seed}-{i}-{Guid.NewGuid():N}@example.jp";
            var password = fuzz.Chance(0.1) ? fuzz.NextString().Value : "Kotoba!2026x";
            var (generator, value) = fuzz.NextString();
            using var scope = world.Host.Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            if (i % 2 == 0)
            {
                var which = fuzz.Next(3);
                var name = which == 0 ? value : "試験 花子";
                var kana = which == 1 ? value : "シケン ハナコ";
                var phone = which == 2 ? value : fuzz.Pick<string?>("090-1234-5678", null);
                var birth = fuzz.Pick<DateOnly?>(new DateOnly(1990, 4, 1), new DateOnly(1990, 4, 1), DateOnly.MinValue, DateOnly.MaxValue, null);
                if (await world.CaseAsync("registration", generator, $"jobseeker[{which}] = {FuzzWorld.Describe(value)} email {FuzzWorld.Describe(email)}",
                    () => world.SnapshotAsync(), () => accounts.RegisterJobseekerAsync(new JobseekerRegistration(email, password, name, kana, birth, phone, AcceptedTerms: true), Ct)))
                {
                    var stored = await ReadAsync(db => db.Users.Where(u => u.Email == email.Trim())
                        .Join(db.Jobseekers, u => u.JobseekerId, j => (Guid?)j.Id, (u, j) => new { j.Name, j.Kana, j.Phone }).SingleAsync(Ct));
                    var back = which switch { 0 => stored.Name, 1 => stored.Kana, _ => stored.Phone };
                    if (back != Trimmed(value, emptyIsNull: which == 2))
                    {
                        world.Fail("registration", generator, value, $"stored field differs: {FuzzWorld.Describe(back)}");
                    }
                    world.AssertStoredIsText("registration", generator, value, back);
                }
            }
            else
            {
                var which = fuzz.Next(6);
                var input = new EmployerRegistration(email, password,
                    which == 0 ? value : "採用担当 鈴木",
                    which == 1 ? value : "株式会社ふぁず商事",
                    which == 2 ? value : "フアズシヨウジ",
                    which == 3 ? value : "102-0072",
                    which == 4 ? value : "東京都",
                    which == 5 ? value : "千代田区飯田橋3-4-1",
                    "卸売業",
                    fuzz.Pick<int?>(120, null, -1, int.MaxValue, int.MinValue, 0));
                if (await world.CaseAsync("registration", generator, $"employer[{which}] = {FuzzWorld.Describe(value)} employees {input.Employees}",
                    () => world.SnapshotAsync(), () => accounts.RegisterEmployerAsync(input, Ct)))
                {
                    var stored = await ReadAsync(db => db.Users.Where(u => u.Email == email.Trim())
                        .Join(db.Establishments, u => u.EstablishmentId, e => (Guid?)e.Id, (u, e) => new { e.Name, e.Kana, e.Address }).SingleAsync(Ct));
                    world.AssertStoredIsText("registration", generator, value, stored.Name + stored.Kana + stored.Address);
                    if (which == 1 && stored.Name != value.Trim())
                    {
                        world.Fail("registration", generator, value, $"stored establishment name differs: {FuzzWorld.Describe(stored.Name)}");
                    }
                }
            }
        }
        world.Report(output, "registration");
    }

    [Fact]
    public async Task The_registration_form_posted_with_malformed_fields_never_answers_a_server_error_or_a_stack_trace()
    {
        // This world's own portal, served over HTTP: the accounts the form opens stay out of the shared test database.
        var address = world.Host.Start();
        var fuzz = new FuzzInputs("register-form");
        string[] marks = [".cs:line", "   at System.", "   at Microsoft.", "   at HelloWork.", "An unhandled exception", "NullReferenceException", "SqliteException"];
        for (var i = 0; i < 50; i++)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };
            var (generator, value) = fuzz.NextString();
            var form = HelloWork.Tests.Host.Http.Registrations.JobseekerForm(HelloWork.Tests.Host.Http.Registrations.NewEmail("fuzz-form"));
            var field = fuzz.Pick("Input.Email", "Input.Password", "Input.Name", "Input.Kana", "Input.BirthDate", "Input.Phone");
            form[field] = SafeForUri(value); // a browser sends U+FFFD for a lone surrogate
            var input = $"{field} = {FuzzWorld.Describe(value)}";
            await world.CaseAsync("register-form", generator, input, () => Task.FromResult(""), async () =>
            {
                using var response = await HelloWork.Tests.Host.Http.Registrations.RegisterJobseekerAsync(client, form);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if ((int)response.StatusCode >= 500)
                {
                    world.Fail("register-form", generator, input, $"answered {(int)response.StatusCode}");
                }
                if (marks.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } mark)
                {
                    world.Fail("register-form", generator, input, $"body shows '{mark}'");
                }
            });
        }
        world.Report(output, "register-form");
    }

    [Fact]
    public async Task Declining_direct_requests_by_malformed_or_foreign_ids_is_refused_without_changes()
    {
        var jobseeker1 = await world.ActorAsync("jobseeker1@example.jp");
        var jobseeker2 = await world.ActorAsync("jobseeker2@example.jp");
        var requests = world.Get<DirectRequestService>();
        var own = await ReadAsync(db => db.DirectRequests.Where(r => r.JobseekerId == jobseeker1.JobseekerId).Select(r => r.Id).ToListAsync(Ct));
        var foreign = await ReadAsync(db => db.DirectRequests.Where(r => r.JobseekerId != jobseeker1.JobseekerId).Select(r => r.Id).ToListAsync(Ct));
        var fuzz = new FuzzInputs("direct-request");
        var ids = new List<(string Generator, Guid Id)> { ("empty-id", Guid.Empty), ("max-id", Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff")) };
        ids.AddRange(Enumerable.Range(0, 20).Select(_ => ("random-id", Guid.NewGuid())));
        ids.AddRange(foreign.Take(10).Select(id => ("foreign-id", id)));
        ids.AddRange(own.Take(5).SelectMany(id => new[] { ("own-id", id), ("own-id-again", id) }));
        foreach (var (generator, id) in ids)
        {
            var actor = generator == "foreign-id" && fuzz.Chance(0.2) ? jobseeker2 : jobseeker1;
            await world.CaseAsync("direct-request", generator, id.ToString(), () => world.SnapshotAsync("DirectRequests", id),
                () => requests.DeclineAsync(actor, id, Ct), scopeAllowed: true);
        }
        world.Report(output, "direct-request");
    }

    [Fact]
    public async Task Saved_searches_and_searches_with_malformed_conditions_are_refused_cleanly_or_stored_as_given()
    {
        var jobseeker = await world.ActorAsync("jobseeker1@example.jp");
        var saved = world.Get<SavedItemsService>();
        var search = world.Get<JobSearch>();
        var fuzz = new FuzzInputs("search");
        string[] keys = ["q", "not", "area", "occ", "type", "cat", "wage", "wageForm", "from", "until", "holidays", "no", "sort", "size", "page", "self"];
        for (var i = 0; i < 160; i++)
        {
            var (generator, value) = fuzz.NextString();
            JobSearchCriteria criteria;
            string input;
            if (i % 2 == 0)
            {
                // What the search page does with its query string (a shared link, a saved search).
                var key = keys[fuzz.Next(keys.Length)];
                var raw = fuzz.Chance(0.5) ? Uri.EscapeDataString(SafeForUri(value)) : SafeForUri(value);
                input = $"?{key}={FuzzWorld.Describe(raw)}";
                criteria = await ParseAsync(generator, input, () => JobSearchCriteria.FromQuery($"{key}={raw}&q=営業"));
            }
            else
            {
                var which = fuzz.Next(6);
                criteria = which switch
                {
                    0 => new JobSearchCriteria { Words = value },
                    1 => new JobSearchCriteria { NotWords = value },
                    2 => new JobSearchCriteria { JobNumbers = [value] },
                    3 => new JobSearchCriteria { OccupationCodes = [value], Areas = [new AreaCriterion(fuzz.Pick("東京都", value), value)] },
                    4 => new JobSearchCriteria { WageFloor = fuzz.NextInt(), AnnualHolidaysMin = fuzz.NextInt(), Page = fuzz.NextInt(), PageSize = fuzz.Pick(10, 30, 50, fuzz.NextInt()) },
                    // More choices than the form offers (a crafted request).
                    _ => new JobSearchCriteria { JobNumbers = [.. Enumerable.Repeat(value, fuzz.Pick(6, 100))], OccupationCodes = [.. Enumerable.Repeat("053", fuzz.Pick(1, 4))] },
                };
                input = $"criteria[{which}] = {FuzzWorld.Describe(value)}";
            }
            await world.CaseAsync("search", generator, input, () => Task.FromResult(""), () => search.SearchAsync(jobseeker, criteria, Ct));
            var id = Guid.Empty;
            var name = i % 3 == 0 ? value : "保存した条件";
            if (await world.CaseAsync("search", generator, "save " + input, () => world.SnapshotAsync(),
                async () => id = await saved.SaveSearchAsync(jobseeker, name, criteria, Ct)))
            {
                var stored = (await saved.SearchesAsync(jobseeker, Ct)).Single(s => s.Id == id);
                if (stored.Name != name.Trim())
                {
                    world.Fail("search", generator, input, $"stored name differs: {FuzzWorld.Describe(stored.Name)}");
                }
                world.AssertStoredIsText("search", generator, input, stored.Name + stored.Query);
                await saved.DeleteSearchAsync(jobseeker, id, Ct);
            }
        }
        world.Report(output, "search");
    }

    private Task<JobSearchCriteria> ParseAsync(string generator, string input, Func<JobSearchCriteria> parse)
    {
        try
        {
            return Task.FromResult(parse());
        }
        catch (Exception e)
        {
            world.Fail("search", generator, input, $"reading the query string threw {e.GetType().Name}: {e.Message}");
            return Task.FromResult(new JobSearchCriteria());
        }
    }

    /// <summary>Uri.EscapeDataString cannot encode a lone surrogate (a browser would send U+FFFD); the fuzz sends what a browser would.</summary>
    private static string SafeForUri(string value) =>
        string.Create(value.Length, value, (span, v) =>
        {
            for (var i = 0; i < v.Length; i++)
            {
                var paired = char.IsHighSurrogate(v[i]) ? i + 1 < v.Length && char.IsLowSurrogate(v[i + 1])
                    : !char.IsLowSurrogate(v[i]) || (i > 0 && char.IsHighSurrogate(v[i - 1]));
                span[i] = paired ? v[i] : '\uFFFD';
            }
        });
}
