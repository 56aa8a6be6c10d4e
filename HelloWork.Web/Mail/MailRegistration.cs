using HelloWork.Domain.Audit;
using HelloWork.Domain.Mail;
using HelloWork.Domain.Notices;
using HelloWork.Web.Background;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Web.Mail;

public static class MailRegistration
{
    /// <summary>The mail outbox's sender and worker (R-MAIL-1) with <c>Mail:*</c>, the account mails (R-MAIL-2), the digests.</summary>
    public static void AddHelloWorkMail(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddSingleton<MailRenderer>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddSingleton<MailDigests>();
        builder.Services.AddSingleton<MailPreferences>();
        builder.Services.AddSingleton<MailAdmin>();
        builder.Services.AddSingleton<MailQueueSignal>();
        builder.Services.AddSingleton<MailBounces>();
        builder.Services.AddScoped<AccountMails>();
        if (settings.WorkerEnabled)
        {
            builder.Services.AddHostedService<MailWorker>();
        }
        builder.AddSweep<MailDigestSweeper, MailDigestOptions>(MailDigestOptions.Section);
        builder.AddSweep<ReferralDeadlineSweeper, ReferralDeadlineOptions>(ReferralDeadlineOptions.Section);
    }

    /// <summary>
    /// One-click unsubscribe (RFC 8058, R-MAIL-3): the mail's <c>List-Unsubscribe-Post</c> makes the mail program POST here with
    /// <c>List-Unsubscribe=One-Click</c>; no sign-in and no antiforgery token (the mail program has neither), the key in the
    /// link names the person and the only thing it can do is stop notice mails. A GET (link scanners, the person's browser)
    /// changes nothing: the page of the same address shows a button that posts here.
    /// </summary>
    public const long MaxBounceBytes = 1_000_000;

    public static void MapMailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(MailRenderer.OneClickPath + "/{key}", (string key) =>
            Results.LocalRedirect($"~{MailRenderer.UnsubscribePath}/{Uri.EscapeDataString(key)}")).AllowAnonymous();
        app.MapPost(MailRenderer.OneClickPath + "/{key}", async (string key, MailPreferences preferences, HttpContext context) =>
        {
            var done = await preferences.UnsubscribeAsync(key, context.RequestAborted);
            if (!done)
            {
                return Results.NotFound();
            }
            // A browser's form post goes on to the page that says it is done; a mail program's one-click POST only needs 200.
            return context.Request.HasFormContentType && context.Request.Form.ContainsKey("browser")
                ? Results.LocalRedirect($"~{MailRenderer.UnsubscribePath}/{Uri.EscapeDataString(key)}?done=true")
                : Results.Ok();
        }).AllowAnonymous().DisableAntiforgery();

        // Bounces that arrive later (docs/mail.md): the mail server pipes each delivery status notification here, raw
        // (message/rfc822), with the configured key. No key configured, or a wrong one: 404, as if there were no endpoint.
        app.MapPost(MailBounces.Path, async (HttpContext context, MailBounces bounces) =>
        {
            if (!bounces.Accepts(context.Request.Headers[MailBounces.KeyHeader]))
            {
                return Results.NotFound();
            }
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MaxBounceBytes; // a report with the whole original attached is still small
            }
            MimeKit.MimeMessage report;
            try
            {
                report = await MimeKit.MimeMessage.LoadAsync(context.Request.Body, context.RequestAborted);
            }
            catch (FormatException)
            {
                return Results.BadRequest();
            }
            return await bounces.ReceiveAsync(report, context.RequestAborted) switch
            {
                BounceOutcome.Bounced => Results.Ok(new { outcome = "bounced" }),
                BounceOutcome.NotAFailure => Results.Ok(new { outcome = "not-a-failure" }),
                _ => Results.UnprocessableEntity(new { outcome = "unknown" }),
            };
        }).AllowAnonymous().DisableAntiforgery();
    }
}

/// <summary>A person's mail settings (R-MAIL-3): read, change, and the one-click unsubscribe by key.</summary>
public sealed class MailPreferences(Domain.Common.Operations ops)
{
    public sealed record View(MailMode Mode, string Culture, string? Email, bool EmailConfirmed, string? PendingAddress);

    public Task<View> GetAsync(Domain.Common.Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var user = await db.Users.Where(u => u.Id == actor.UserId).Select(u => new { u.Email, u.EmailConfirmed }).FirstAsync(ct);
        var preference = await db.MailPreferences.FirstOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        var now = ops.Clock.GetUtcNow();
        var pending = await db.AccountTokens
            .Where(t => t.UserId == actor.UserId && t.Purpose == TokenPurpose.ChangeAddress && t.UsedAt == null && t.ExpiresAt > now)
            .OrderByDescending(t => t.CreatedAt).Select(t => t.NewAddress).FirstOrDefaultAsync(ct);
        return new View(preference?.Mode ?? MailMode.Immediate, preference?.Culture ?? "ja", user.Email, user.EmailConfirmed, pending);
    }, ct);

    public Task SetAsync(Domain.Common.Actor actor, MailMode mode, string culture, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        if (!Enum.IsDefined(mode))
        {
            throw new Domain.Common.DomainException(Domain.Common.ErrorCodes.InvalidChoice, "Mode");
        }
        var preference = await w.Db.MailPreferences.FirstOrDefaultAsync(p => p.UserId == actor.UserId, ct)
            ?? w.Db.MailPreferences.Add(new MailPreference(actor.UserId, w.Now)).Entity;
        preference.Set(mode, culture, w.Now);
        w.Audit(AuditActions.MailPreferenceChanged, nameof(MailPreference), actor.UserId, detail: mode.ToString());
    }, ct);

    /// <summary>Turns notice mails off for the person whose key this is; false when no one's.</summary>
    public Task<bool> UnsubscribeAsync(string key, CancellationToken ct = default) => ops.RunAsync(Domain.Common.Actor.System, async w =>
    {
        if (string.IsNullOrEmpty(key) || key.Length > 60)
        {
            return false;
        }
        var preference = await w.Db.MailPreferences.FirstOrDefaultAsync(p => p.UnsubscribeKey == key, ct);
        if (preference is null)
        {
            return false;
        }
        if (preference.Mode != MailMode.None)
        {
            preference.Set(MailMode.None, preference.Culture, w.Now);
            w.Audit(AuditActions.MailUnsubscribed, nameof(MailPreference), preference.UserId);
        }
        return true;
    }, ct);

    /// <summary>Whether a key names someone (the unsubscribe page says so before offering its button).</summary>
    public Task<bool> KnowsAsync(string? key, CancellationToken ct = default) => ops.ReadAsync(db =>
        string.IsNullOrEmpty(key) || key.Length > 60 ? Task.FromResult(false) : db.MailPreferences.AnyAsync(p => p.UnsubscribeKey == key, ct), ct);
}
