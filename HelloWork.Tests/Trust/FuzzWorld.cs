using System.Globalization;
using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Live;
using HelloWork.Web.Resources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;

namespace HelloWork.Tests.Trust;

/// <summary>
/// The world the domain fuzz runs in: the real portal's services (<see cref="PortalHost"/>, not started as a server) on a
/// SQLite file of its own with the demo data, so that refusals can be checked against an unchanged database without other
/// tests writing to it. Also the fuzz's bookkeeping: outcomes per case and the failures found.
/// </summary>
public sealed class FuzzWorld : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    public PortalHost Host { get; private set; } = null!;

    public int Cases { get; private set; }

    public static readonly string[] CountedTables =
    [
        "Applications", "ApplicationDocuments", "Messages", "Notices", "AuditEntries", "JobOffers", "Jobseekers", "AspNetUsers",
        "Establishments", "Agencies", "SavedSearches", "Favourites", "DirectRequests", "Referrals",
    ];

    public async ValueTask InitializeAsync()
    {
        // Nothing in the background writes while a case compares the database before and after: no mail worker (its queue signal
        // is a notice), no sweeps (expiry, retention, digests, reminders).
        var settings = _database.Settings();
        foreach (var section in new[] { "Retention", "OfferExpiry", "MailDigest", "ReferralDeadlineMail", "BookingReminders" })
        {
            settings[section + ":Enabled"] = "false";
        }
        settings["Mail:WorkerEnabled"] = "false";
        Host = PortalHost.On(settings);
        // Migrations and demo data run in Program; the services are what the test calls.
        await Task.Run(() => Host.Services);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _database.Dispose();
    }

    public T Get<T>() where T : notnull => Host.Get<T>();

    public Task<Actor> ActorAsync(string email) => Host.ActorAsync(email);

    /// <summary>Row counts of every table a form can write to, and optionally the whole row <paramref name="id"/> of <paramref name="table"/>.</summary>
    public async Task<string> SnapshotAsync(string? table = null, Guid? id = null)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var sb = new StringBuilder();
        await using (var counts = connection.CreateCommand())
        {
            counts.CommandText = "SELECT " + string.Join(", ", CountedTables.Select(t => $"(SELECT count(*) FROM \"{t}\")"));
            await using var reader = await counts.ExecuteReaderAsync();
            await reader.ReadAsync();
            for (var i = 0; i < CountedTables.Length; i++)
            {
                sb.Append(CountedTables[i]).Append('=').Append(reader.GetInt64(i)).Append(' ');
            }
        }
        if (table is not null && id is { } rowId)
        {
            await using var row = connection.CreateCommand();
            row.CommandText = $"SELECT * FROM \"{table}\" WHERE upper(\"Id\") = $id";
            row.Parameters.AddWithValue("$id", rowId.ToString().ToUpperInvariant());
            await using var reader = await row.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append('|').Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>True when the Japanese and the English resources both have <c>Error.{code}</c>: a refusal the user can read.</summary>
    public bool HasMessage(string code)
    {
        var localizer = Get<IStringLocalizer<Ui>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "ja-JP", "en" })
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                var text = localizer["Error." + code];
                if (text.ResourceNotFound || string.IsNullOrWhiteSpace(text.Value))
                {
                    return false;
                }
            }
            return true;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>
    /// Runs one case: success, a <see cref="DomainException"/> (or <see cref="RegistrationException"/>) whose codes all have a
    /// message and after which the snapshot is unchanged, or — where <paramref name="scopeAllowed"/> — a <see cref="ScopeException"/>
    /// (an id that is not the caller's). Anything else is a failure. Returns true on success.
    /// </summary>
    public async Task<bool> CaseAsync(string target, string generator, string input, Func<Task<string>> snapshot, Func<Task> operation, bool scopeAllowed = false)
    {
        Cases++;
        var before = await snapshot();
        string outcome;
        var ok = false;
        try
        {
            await operation();
            outcome = "ok";
            ok = true;
        }
        catch (DomainException e)
        {
            outcome = "refused:" + e.Code;
            if (!HasMessage(e.Code))
            {
                Fail(target, generator, input, $"refusal code {e.Code} has no Error.{e.Code} message in Ui.resx / Ui.en.resx");
            }
        }
        catch (RegistrationException e)
        {
            outcome = "refused:" + string.Join(",", e.Errors.SelectMany(x => x.Value).Distinct().Order(StringComparer.Ordinal));
            foreach (var code in e.Errors.SelectMany(x => x.Value).Where(c => !HasMessage(c)))
            {
                Fail(target, generator, input, $"registration refusal code {code} has no Error.{code} message");
            }
        }
        catch (ScopeException) when (scopeAllowed)
        {
            outcome = "scope";
        }
        catch (Exception e)
        {
            outcome = "EXCEPTION:" + e.GetType().Name;
            Fail(target, generator, input, $"{e.GetType().FullName}: {e.Message}");
        }
        if (!ok && await snapshot() != before)
        {
            Fail(target, generator, input, $"refused ({outcome}) but the database changed");
        }
        var key = $"{target} {outcome}";
        _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
        return ok;
    }

    public void Fail(string target, string generator, string input, string what)
    {
        lock (_failures)
        {
            _failures.Add($"[{target}/{generator}] {what} — input {Describe(input)}");
        }
    }

    /// <summary>The stored text must be text: no control characters but line breaks and tabs, no broken UTF-16, no bidi controls.</summary>
    public void AssertStoredIsText(string target, string generator, string input, string? stored)
    {
        if (stored is null)
        {
            return;
        }
        for (var i = 0; i < stored.Length; i++)
        {
            if (System.Text.Rune.DecodeFromUtf16(stored.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                Fail(target, generator, input, "stored text contains a broken surrogate");
                return;
            }
            if ((System.Text.Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t')) || rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069)
            {
                Fail(target, generator, input, $"stored text contains U+{rune.Value:X4}");
                return;
            }
            i += used - 1;
        }
    }

    public static string Describe(string? input)
    {
        if (input is null)
        {
            return "null";
        }
        var head = input.Length > 40 ? input[..40] + $"…({input.Length} chars)" : input;
        var sb = new StringBuilder("\"");
        foreach (var c in head)
        {
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u202A' and <= '\u202E' ? $"\\u{(int)c:X4}" : c.ToString());
        }
        return sb.Append('"').ToString();
    }

    public void Report(ITestOutputHelper output, string target)
    {
        output.WriteLine($"fuzz seed {FuzzInputs.Seed} (set HELLOWORK_FUZZ_SEED to change); {Cases} cases so far");
        foreach (var (key, count) in _outcomes.Where(o => o.Key.StartsWith(target + " ", StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key}: {count}");
        }
        var failures = _failures.Where(f => f.StartsWith("[" + target + "/", StringComparison.Ordinal)).ToList();
        foreach (var f in failures.Take(30))
        {
            output.WriteLine("  FAIL " + f);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} fuzz failures for {target} (seed {FuzzInputs.Seed}), first: {failures.FirstOrDefault()}");
    }
}
