using System.Security.Claims;
using HelloWork.Domain.Accounts;
using HelloWork.Web.Endpoints;
using HelloWork.Web.Live;
using HelloWork.Web.Security;
using Serilog;
using Serilog.Context;

namespace HelloWork.Web.Extensions;

public static class Pipeline
{
    public static void UseHelloWorkPipeline(this WebApplication app)
    {
        app.UseHelloWorkForwardedHeaders(); // the client's address and scheme from a listed proxy, before anyone reads them
        app.UseHelloWorkSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStatusPagesForGetOnly();
        app.UseRequestLocalization();
        app.UseHelloWorkRateLimits();
        app.UseAuthentication();
        // Structured properties for every log line of the request: ids and role, never names or e-mail addresses.
        app.Use(async (context, next) =>
        {
            var user = context.User;
            using (LogContext.PushProperty("UserId", user.FindFirstValue(ClaimTypes.NameIdentifier)))
            using (LogContext.PushProperty("Role", Roles.All.FirstOrDefault(user.IsInRole)))
            using (LogContext.PushProperty("EstablishmentId", user.FindFirstValue(ScopeClaims.EstablishmentId)))
            using (LogContext.PushProperty("OfficeId", user.FindFirstValue(ScopeClaims.OfficeId)))
            {
                await next();
            }
        });
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>(); // the host's logger (AddHelloWorkLogging)
        });
        app.UseRefusals(); // refusals answer 4xx inside the request log, so the log says 4xx, not an error 500
        app.UseAuthorization();
        // Initial passwords are replaced before anything else; stale bearer tokens end (docs/trust-hardening.md).
        app.UsePasswordChangeGate();
        app.UseAntiforgery();
        app.UseExpiredFormPage();
    }

    public static void MapHelloWorkEndpoints(this WebApplication app)
    {
        app.MapAuthEndpoints();
        Mail.MailRegistration.MapMailEndpoints(app);
        app.MapHealthEndpoints();
        app.MapDocumentEndpoints();
        app.MapApplicationDocumentEndpoints();
        app.MapEstablishmentImageEndpoints();
        app.MapApplicantExportEndpoints();
        app.MapProvisionEndpoints();
        app.MapScorecardEndpoints();
        app.MapOpenDataEndpoints();
        app.MapMeEndpoints();
        app.MapBookingEndpoints();
        app.MapOpenApi();
        app.MapHelloWorkLive();
    }
}
