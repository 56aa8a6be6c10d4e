namespace HelloWork.Tests.Host.Http;

/// <summary>The demo accounts with the role home each lands on and that home's heading.</summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string Role, string Home, string Heading);

    public static readonly IReadOnlyList<Account> All =
    [
        new("jobseeker1@example.jp", "Jobseeker", "/jobseeker", "求職者マイページ"),
        new("jobseeker2@example.jp", "Jobseeker", "/jobseeker", "求職者マイページ"),
        new("employer1@example.jp", "Employer", "/employer", "求人者マイページ"),
        new("employer2@example.jp", "Employer", "/employer", "求人者マイページ"),
        new("staff1@example.jp", "Staff", "/staff", "職員コンソール"),
        new("staff2@example.jp", "Staff", "/staff", "職員コンソール"),
        new("agency1@example.jp", "Agency", "/agency", "情報提供 利用団体ページ"),
        new("agency2@example.jp", "Agency", "/agency", "情報提供 利用団体ページ"),
        new("admin@example.jp", "Admin", "/admin", "システム管理"),
        new("bureau1@example.jp", "Bureau", "/bureau", "東京労働局 ハローワークの総合評価"),
        new("bureau2@example.jp", "Bureau", "/bureau", "大阪労働局 ハローワークの総合評価"),
    ];

    public static TheoryData<string> Emails => [.. All.Select(a => a.Email)];

    public static Account Get(string email) => All.Single(a => a.Email == email);
}
