using HelloWork.Domain;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Demo;
using HelloWork.Web.Accounts;
using HelloWork.Web.Background;
using HelloWork.Web.Endpoints;
using HelloWork.Web.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Serilog;
using Serilog.Events;

namespace HelloWork.Web.Extensions;

public static class WebRegistration
{
    public static readonly CultureInfo[] Cultures = [new("ja-JP"), new("en")];

    /// <summary>Serilog: console and rolling file, request logging, user/role/scope properties; no personal data in log lines.</summary>
    public static void AddHelloWorkLogging(this WebApplicationBuilder builder)
    {
        var logFolder = builder.Configuration["Logging:Folder"] ?? Path.Combine(builder.Environment.ContentRootPath, "logs");
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(HelloWork.Web.Live.HubRefusals.IsDispatcherRefusal) // refusals are logged as warnings, not errors with a stack
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(logFolder, "hellowork-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"),
            // The host's own logger, not the process-wide Log.Logger: by default every host sets that static logger to its own and
            // writes through it, and a host that stops closes it for all. With several hosts in one process (the tests), one
            // host's lines went to another's file, or nowhere (a request's log line missing from its host's log, CI failure).
            preserveStaticLogger: true);
    }

    public static void AddHelloWorkWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHelloWorkDomain(DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath));

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Japanese text goes out as text, not as &#x...; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Snackbars appear and go without a fade: a half-transparent message is unreadable (and fails contrast checks mid-fade).
        services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.ShowTransitionDuration = 0;
            c.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, HelloWork.Web.Resources.MudTextLocalizer>(); // MudBlazor's own words in the reader's language
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ja-JP");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                // Auth:BearerTokenLifetime (default one hour); a hub connection closes when its token expires.
                o.BearerTokenExpiration = builder.Configuration.GetValue("Auth:BearerTokenLifetime", TimeSpan.FromHours(1));
                // SignalR clients send the token in the query string on WebSocket connects.
                o.Events.OnMessageReceived = context =>
                {
                    var token = context.Request.Query["access_token"];
                    if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                };
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.Cookie.Name = "HelloWork.Auth";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // The security stamp on every request, not every 30 minutes: disabling a user or changing a password ends the
                // account's other sessions at their next request.
                o.Events.OnValidatePrincipal = SessionStamp.ValidatePrincipalAsync;
            }));
        services.AddAuthorization();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<HelloWorkDb>()
            .AddSignInManager<AtomicLockoutSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ScopeClaimsPrincipalFactory>();

        services.AddScoped<AccountService>();
        services.AddScoped<PasswordChangeService>();
        services.AddSingleton(TwoFactorPolicy.From(builder.Configuration[TwoFactorPolicy.Setting]));
        services.AddScoped<TwoFactorService>();
        services.AddSingleton(IdleSignOutOptions.From(builder.Configuration));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<CurrentActor>();
        services.AddTransient<HelloWork.Web.Components.Shared.FormAction>();
        services.AddHealthChecks();
        services.AddProblemDetails();
        services.AddRefusals();
        services.AddOpenApi();
        builder.AddHelloWorkLive();
        Retention.RetentionRegistration.AddRetention(builder);
        Retention.OfferExpirySweeper.Add(builder);
        builder.AddSweep<Bookings.BookingReminderSweeper, Bookings.BookingReminderOptions>(Bookings.BookingReminderOptions.Section);
        Mail.MailRegistration.AddHelloWorkMail(builder);
        builder.AddHelloWorkSecurity();
    }
}
