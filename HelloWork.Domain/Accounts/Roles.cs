namespace HelloWork.Domain.Accounts;

/// <summary>The kinds of user (SPEC section 1), and the prefectural labour bureau (労働局) that approves its offices' yearly targets and follows their
/// evaluation (R-EVAL-1, R-EVAL-3).</summary>
public static class Roles
{
    public const string Jobseeker = "Jobseeker";
    public const string Employer = "Employer";
    public const string Staff = "Staff";
    public const string Agency = "Agency";
    public const string Admin = "Admin";
    public const string Bureau = "Bureau";

    public static readonly IReadOnlyList<string> All = [Jobseeker, Employer, Staff, Agency, Admin, Bureau];
}

/// <summary>Claim types that carry a user's scope (R-ACC-4), added at sign-in.</summary>
public static class ScopeClaims
{
    public const string JobseekerId = "hw:jobseeker";
    public const string EstablishmentId = "hw:establishment";
    public const string OfficeId = "hw:office";
    public const string AgencyId = "hw:agency";
    public const string Supervisor = "hw:supervisor";

    /// <summary>A 労働局 account's prefecture (<see cref="AppUser.Prefecture"/>).</summary>
    public const string Prefecture = "hw:prefecture";
    public const string DisplayName = "hw:name";

    /// <summary>Present (value <c>true</c>) while the account still has a password someone else set (<see cref="AppUser.MustChangePassword"/>).</summary>
    public const string MustChangePassword = "hw:pwchange";

    /// <summary>Present (value <c>true</c>) while the account's role must sign in with a second factor (<see cref="TwoFactorPolicy"/>)
    /// and the account has not set one up: every page leads to the 2FA setup first.</summary>
    public const string TwoFactorSetupRequired = "hw:2fa-setup";
}
