using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using StackExchange.Redis;

namespace HelloWork.Tests.Host.Live;

/// <summary>
/// The data-protection keys shared in Redis (they sign and encrypt every cookie and bearer token of every node) were
/// stored as plain XML, so whoever could read Redis could forge any session (R-ACC-4). With <c>DataProtection:Certificate</c>
/// they are encrypted with the certificate; the portal still signs in and reads its tokens. Needs <c>HELLOWORK_TEST_REDIS</c>.
/// </summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("HELLOWORK_TEST_REDIS");
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Keys_in_Redis_are_encrypted_with_the_configured_certificate_and_tokens_still_work_R_ACC_4()
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Redis), "needs HELLOWORK_TEST_REDIS: eval \"$(scripts/scaleout-services.sh)\"");
        var ct = TestContext.Current.CancellationToken;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=HelloWork data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(_database.Folder, "keys.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"), ct);
        var redisKey = $"hw-test-keys-{Guid.NewGuid():N}";
        var settings = _database.Settings();
        settings["ConnectionStrings:Redis"] = Redis;
        settings["DataProtection:Certificate"] = pfx;
        settings["DataProtection:CertificatePassword"] = "test-password";
        settings["DataProtection:RedisKey"] = redisKey;
        using var redis = await ConnectionMultiplexer.ConnectAsync(Redis!);
        try
        {
            await using var host = PortalHost.On(settings);
            host.Start();
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "employer1@example.jp", password = "HelloWork!2026" }, ct);
            login.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
            using var hub = await http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null, ct);
            Assert.Equal(HttpStatusCode.OK, hub.StatusCode); // the token made with the encrypted key is read back

            var stored = await redis.GetDatabase().ListRangeAsync(redisKey);
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                var text = xml.ToString();
                Assert.Contains("EncryptedData", text, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", text, StringComparison.Ordinal); // the plain master key's element
            });
        }
        finally
        {
            await redis.GetDatabase().KeyDeleteAsync(redisKey);
        }
    }
}
