using System.ComponentModel.DataAnnotations;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

/// <summary>What the registration form sends; <paramref name="AcceptedTerms"/> is the consent to the 利用規約 and the
/// プライバシーポリシー (/terms, /privacy), without which no account is opened.</summary>
public sealed record JobseekerRegistration(string Email, string Password, string Name, string Kana, DateOnly? BirthDate, string? Phone, bool AcceptedTerms);

public sealed record EmployerRegistration(string Email, string Password, string ContactName, string EstablishmentName, string EstablishmentKana,
    string PostalCode, string Prefecture, string Address, string Industry, int? Employees);

public sealed record AgencyRegistration(string Email, string Password, string ContactName, string AgencyName, Agencies.AgencyKind Kind, string? LicenseNumber);

/// <summary>An account the administrator opens: staff (an office), an agency's, an administrator, or a 労働局 (a prefecture, R-EVAL-1).</summary>
public sealed record StaffAccountInput(string Email, string Password, string DisplayName, string Role, Guid? OfficeId, Guid? AgencyId, bool IsSupervisor,
    string? Prefecture = null);

/// <summary>Field-level refusals from registration: field name → resource keys (R-ERR-1).</summary>
public sealed class RegistrationException(IReadOnlyDictionary<string, string[]> errors) : Exception("Registration refused.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// Opening accounts: jobseekers register online and get the HWIS-only tier (R-ACC-1); employers open a mypage by
/// registering their establishment provisionally (R-ACC-3); admins create staff, agency and admin accounts.
/// The profile and the sign-in account are saved together or not at all.
/// </summary>
public sealed class AccountService(HelloWorkDb db, UserManager<AppUser> users, TimeProvider clock, ILiveBus bus)
{
    public static readonly string[] Prefectures =
    [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
        "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
        "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
        "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ];

    public async Task<Guid> RegisterJobseekerAsync(JobseekerRegistration input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, List<string>>();
        await CheckAccountAsync(input.Email, input.Password, errors);
        Jobseeker? jobseeker = null;
        if (input.BirthDate is null)
        {
            Add(errors, nameof(input.BirthDate), "Required");
        }
        else
        {
            jobseeker = Collect(errors, () => new Jobseeker(input.Name, input.Kana, input.BirthDate.Value, input.Phone, null, null, now));
        }
        if (!input.AcceptedTerms)
        {
            Add(errors, nameof(input.AcceptedTerms), ErrorCodes.TermsNotAccepted);
        }
        ThrowIfAny(errors);
        db.Jobseekers.Add(jobseeker!);
        var user = new AppUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), DisplayName = jobseeker!.Name, Role = Roles.Jobseeker, JobseekerId = jobseeker.Id, CreatedAt = now };
        await CreateAsync(user, input.Password, Roles.Jobseeker, confirmByMail: true);
        return user.Id;
    }

    public async Task<Guid> RegisterEmployerAsync(EmployerRegistration input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, List<string>>();
        await CheckAccountAsync(input.Email, input.Password, errors);
        Collect(errors, () => Text.RequireName(input.ContactName, nameof(input.ContactName), 50));
        if (!Prefectures.Contains(input.Prefecture))
        {
            Add(errors, nameof(input.Prefecture), "Required");
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(input.PostalCode ?? "", @"^\d{3}-?\d{4}$"))
        {
            Add(errors, nameof(input.PostalCode), "PostalCodeFormat");
        }
        if (input.Employees is null)
        {
            Add(errors, nameof(input.Employees), "Required");
        }
        // The office with jurisdiction: the first office of the prefecture, else the first office (real HW: by address).
        var office = await db.Offices.Where(o => o.Prefecture == input.Prefecture).OrderBy(o => o.Code).FirstOrDefaultAsync(ct)
            ?? await db.Offices.OrderBy(o => o.Code).FirstOrDefaultAsync(ct);
        if (office is null)
        {
            Add(errors, nameof(input.Prefecture), "NoOffice");
        }
        Establishment? est = null;
        if (errors.Count == 0)
        {
            var serial = await db.Establishments.CountAsync(e => e.OfficeId == office!.Id, ct) + 500_000;
            est = Collect(errors, () => new Establishment(office!.Id, Establishment.FormatNumber(office.Code, serial), input.EstablishmentName,
                input.EstablishmentKana, input.PostalCode!, input.Prefecture, input.Prefecture + input.Address, input.Industry, input.Employees ?? 0, now),
                // The entity names its fields Name/Kana; the form calls them EstablishmentName/EstablishmentKana.
                field => field switch { nameof(Establishment.Name) => nameof(input.EstablishmentName), nameof(Establishment.Kana) => nameof(input.EstablishmentKana), _ => field });
        }
        ThrowIfAny(errors);
        est!.MarkOpenedOnline();
        db.Establishments.Add(est);
        var user = new AppUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), DisplayName = input.ContactName.Trim(), Role = Roles.Employer, EstablishmentId = est.Id, CreatedAt = now };
        await CreateAsync(user, input.Password, Roles.Employer, confirmByMail: true);
        return user.Id;
    }

    /// <summary>An agency applies online (R-AGY-1): the agency is created pending approval with its first user account.</summary>
    public async Task<Guid> RegisterAgencyAsync(AgencyRegistration input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, List<string>>();
        await CheckAccountAsync(input.Email, input.Password, errors);
        var contact = Collect(errors, () => Text.RequireName(input.ContactName, nameof(input.ContactName), 50));
        Collect(errors, () => { Agencies.AgencyService.CheckApplication(input.Kind, input.LicenseNumber); return true; });
        var agency = Collect(errors, () => new Agencies.Agency(Text.RequireName(input.AgencyName, nameof(input.AgencyName), 100), input.Kind, input.LicenseNumber, now));
        ThrowIfAny(errors);
        // The administrators' notice counter is shared by every notice to them: one written in the same moment (another agency
        // applying, the mail queue) refuses this save by the counter's version. The application is then written again on fresh
        // data, as Operations.RunAsync does, instead of failing the applicant with an error.
        for (var attempt = 1; ; attempt++)
        {
            db.Agencies.Add(agency!);
            // The administrators' open list of applications shows it at once (saved with the account, published after).
            var outbox = new Outbox(db, now);
            await outbox.AddAsync(Recipients.Admins, NoticeKind.AgencyApplied, agency!.Id,
                new Dictionary<string, string> { [NoticeArg.AgencyName] = agency.Name }, ct);
            var user = new AppUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), DisplayName = contact!, Role = Roles.Agency, AgencyId = agency.Id, CreatedAt = now };
            try
            {
                await CreateAsync(user, input.Password, Roles.Agency, confirmByMail: true);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            await bus.PublishAsync(outbox.ToPublish, CancellationToken.None);
            return user.Id;
        }
    }

    /// <summary>Admin-only: staff, agency, admin and 労働局 accounts.</summary>
    public async Task<Guid> CreateAccountAsync(Actor actor, StaffAccountInput input, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            throw new ScopeException("account administration");
        }
        var errors = new Dictionary<string, List<string>>();
        await CheckAccountAsync(input.Email, input.Password, errors);
        var name = Collect(errors, () => Text.RequireName(input.DisplayName, nameof(input.DisplayName), 50));
        switch (input.Role)
        {
            case Roles.Staff when input.OfficeId is null || !await db.Offices.AnyAsync(o => o.Id == input.OfficeId, ct):
                Add(errors, nameof(input.OfficeId), "Required");
                break;
            case Roles.Agency when input.AgencyId is null || !await db.Agencies.AnyAsync(a => a.Id == input.AgencyId, ct):
                Add(errors, nameof(input.AgencyId), "Required");
                break;
            case Roles.Bureau when input.Prefecture is null || !HelloWork.Domain.Search.Prefectures.All.Contains(input.Prefecture):
                Add(errors, nameof(input.Prefecture), "Required");
                break;
            case Roles.Staff or Roles.Agency or Roles.Admin or Roles.Bureau:
                break;
            default:
                Add(errors, nameof(input.Role), "InvalidChoice");
                break;
        }
        ThrowIfAny(errors);
        var user = new AppUser
        {
            UserName = input.Email.Trim(), Email = input.Email.Trim(), EmailConfirmed = true, DisplayName = name!, Role = input.Role, CreatedAt = clock.GetUtcNow(),
            OfficeId = input.Role == Roles.Staff ? input.OfficeId : null,
            AgencyId = input.Role == Roles.Agency ? input.AgencyId : null,
            Prefecture = input.Role == Roles.Bureau ? input.Prefecture : null,
            IsSupervisor = input.Role == Roles.Staff && input.IsSupervisor,
            // The admin chose this password and hands it over: like an establishment's login user, the new holder replaces it
            // at first sign-in (パスワード変更, enforced by PasswordChangeGate).
            MustChangePassword = true,
        };
        await CreateAsync(user, input.Password, input.Role);
        return user.Id;
    }

    private async Task CheckAccountAsync(string email, string password, Dictionary<string, List<string>> errors)
    {
        email = (email ?? "").Trim();
        if (email.Length == 0)
        {
            Add(errors, "Email", "Required");
        }
        else if (email.Length > 254 || !new EmailAddressAttribute().IsValid(email) || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            Add(errors, "Email", "EmailFormat");
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            Add(errors, "Email", "EmailTaken");
        }
        if (string.IsNullOrEmpty(password))
        {
            Add(errors, "Password", "Required");
            return;
        }
        var probe = new AppUser { UserName = email, Email = email };
        foreach (var code in await PasswordRules.CheckAsync(users, probe, password))
        {
            Add(errors, "Password", code);
        }
    }

    /// <summary>Creates the account. An online registration (<paramref name="confirmByMail"/>) starts unconfirmed: its confirmation
    /// link and mail are tracked before the user is created, so the one save that creates the account writes them too (R-MAIL-1,
    /// R-MAIL-2). An account the admin makes is confirmed by the admin.</summary>
    private async Task CreateAsync(AppUser user, string password, string role, bool confirmByMail = false)
    {
        user.EmailConfirmed = !confirmByMail;
        if (confirmByMail)
        {
            if (user.Id == Guid.Empty)
            {
                user.Id = Guid.NewGuid();
            }
            await Mail.AccountMails.IssueConfirmationAsync(db, user, clock.GetUtcNow());
        }
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        if (!result.Succeeded)
        {
            throw new RegistrationException(new Dictionary<string, string[]> { ["Email"] = [.. result.Errors.Select(e => "Identity." + e.Code)] });
        }
    }

    private static T? Collect<T>(Dictionary<string, List<string>> errors, Func<T> create, Func<string, string>? inputField = null)
    {
        try
        {
            return create();
        }
        catch (DomainException e)
        {
            Add(errors, inputField is null ? e.Field ?? "" : inputField(e.Field ?? ""), e.Code);
            return default;
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string code)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        if (!list.Contains(code))
        {
            list.Add(code);
        }
    }

    private static void ThrowIfAny(Dictionary<string, List<string>> errors)
    {
        if (errors.Count > 0)
        {
            throw new RegistrationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
