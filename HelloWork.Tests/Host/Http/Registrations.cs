using System.Globalization;

namespace HelloWork.Tests.Host.Http;

/// <summary>Registers jobseekers through the real /Account/Register form.</summary>
public static class Registrations
{
    public const string GoodPassword = "Kotoba!2026x";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.jp";

    public static Dictionary<string, string> JobseekerForm(string email, string password = GoodPassword, string name = "試験 花子", string kana = "シケン ハナコ",
        DateOnly? birthDate = null, string phone = "090-1234-5678") => new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.Name"] = name,
            ["Input.Kana"] = kana,
            ["Input.BirthDate"] = (birthDate ?? new DateOnly(1990, 4, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Phone"] = phone,
            ["Input.AcceptedTerms"] = "true",
        };

    public static Task<HttpResponseMessage> RegisterJobseekerAsync(HttpClient client, Dictionary<string, string> form) =>
        Forms.SubmitAsync(client, "/Account/Register", "register-jobseeker", form);
}
