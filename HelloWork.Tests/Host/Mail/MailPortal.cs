using System.Text.RegularExpressions;
using HelloWork.Testing;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace HelloWork.Tests.Host.Mail;

/// <summary>
/// The real portal sending its mail through SMTP to a real SMTP server on a loopback port (<see cref="LoopbackSmtp"/>), with
/// its clock under the test's control. The outbox worker polls every 100 ms.
/// </summary>
public sealed class MailPortal : KestrelPortal
{
    public MailPortal() : base("hellowork-mail-") => Smtp = LoopbackSmtp.Start();

    public LoopbackSmtp Smtp { get; }

    /// <summary>The VERP bounce address (Mail:BounceAddress) and the key of the bounce endpoint (Mail:BounceKey).</summary>
    public const string BounceAddress = "bounces@hellowork.example.jp";
    public const string BounceKey = "test-bounce-key-0123456789";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseDemoSqlite(Folder, fromTemplate: false); // its fake clock dates its own demo data
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:StartTls", "false");
        builder.UseSetting("Mail:PollMilliseconds", "100");
        builder.UseSetting("Mail:BaseUrl", "https://portal.example.jp");
        builder.UseSetting("Mail:BounceAddress", BounceAddress);
        builder.UseSetting("Mail:BounceKey", BounceKey);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<HttpClient> NewClientAsync()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        return new HttpClient(handler) { BaseAddress = await Task.Run(Start), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task<T> QueryAsync<T>(Func<HelloWorkDb, Task<T>> query)
    {
        Start();
        await using var db = await Get<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    /// <summary>The mails received for <paramref name="address"/> so far.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string address) =>
        [.. Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for the <paramref name="count"/>-th mail to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address, string subject, int count = 1)
    {
        var arrived = await Smtp.WaitForAsync(_ => MailsTo(address).Count(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)) >= count,
            TimeSpan.FromSeconds(30));
        Assert.True(arrived, $"mail '{subject}' #{count} to {address} arrived at the SMTP server");
        return MailsTo(address).Where(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)).ElementAt(count - 1);
    }

    /// <summary>The portal path and query of the first link in the mail's text body that goes to <paramref name="path"/>.</summary>
    public static string LinkIn(MimeMessage mail, string path)
    {
        var match = Regex.Match(mail.TextBody ?? "", "https://portal\\.example\\.jp(" + Regex.Escape(path) + "[^\\s]*)");
        Assert.True(match.Success, $"the mail links to {path}");
        return match.Groups[1].Value;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
