using HelloWork.Domain;
using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using HelloWork.Web.Accounts;
using HelloWork.Web.Live;
using HelloWork.Web.Resources;
using HelloWork.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace HelloWork.Tests.Components;

/// <summary>
/// The base of every bUnit test: the portal's components rendered against the real domain (a migrated SQLite world, see
/// <see cref="DomainWorld"/>) on its fake clock, with MudBlazor registered once as the portal registers it (transitions off) and
/// loose JS interop (MudBlazor's own bUnit tests do the same; nothing here runs a browser). The signed-in person is bUnit's
/// authorization double carrying the same claims the portal's sign-in puts on the principal, so <see cref="CurrentActor"/> reads
/// them as in production. Interface language Japanese (R-TIME-1's clock is the world's).
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    private static readonly CultureInfo Japanese = new("ja-JP");

    private BunitAuthorizationContext auth = default!;

    protected DomainWorld World { get; private set; } = default!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The world the components render against: the seeded <see cref="DomainWorld"/> unless a test class brings its own.</summary>
    protected virtual Task<DomainWorld> CreateWorldAsync() => DomainWorld.CreateAsync();

    public virtual async ValueTask InitializeAsync()
    {
        World = await CreateWorldAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The world's clock, dispatcher and bus first: AddHelloWorkDomain keeps them (TryAdd), so what the world's own operations
        // publish reaches the components' subscriptions.
        Services.AddSingleton<TimeProvider>(World.Clock);
        Services.AddSingleton(World.Dispatcher);
        Services.AddSingleton(World.Bus);
        Services.AddHelloWorkDomain(new DatabaseSettings("Sqlite", World.ConnectionString));
        Services.AddLogging();
        Services.AddLocalization();
        Services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.ShowTransitionDuration = 0;
            c.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        auth = AddAuthorization(); // anonymous until SignIn
        Services.AddScoped<CurrentActor>();
        Services.AddScoped<CircuitAdmission>();
        Services.AddScoped<LiveNotices>();
        Services.AddSingleton<HelloWork.Web.Notices.NoticeRenderer>();
        Services.AddTransient<HelloWork.Web.Components.Shared.FormAction>();
    }

    /// <summary>The error text MudBlazor shows under a field (its helper line), or null; the field's label is marked too and skipped.</summary>
    protected static string? ErrorUnder(AngleSharp.Dom.IElement field) =>
        field.QuerySelectorAll(".mud-input-helper-text.mud-input-error")
            .SelectMany(e => e.QuerySelectorAll("*").Prepend(e)) // the message, not the counter beside it
            .Where(e => e.ChildElementCount == 0).Select(e => e.TextContent.Trim()).FirstOrDefault(t => t.Length > 0);

    /// <summary>Signs <paramref name="actor"/> in with the portal's scope claims (ScopeClaimsPrincipalFactory's).</summary>
    protected void SignIn(Actor actor)
    {
        auth.SetAuthorized(actor.Name);
        auth.SetRoles(actor.Role);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.UserId.ToString()), new(ScopeClaims.DisplayName, actor.Name) };
        void Add(string type, Guid? id)
        {
            if (id is { } value)
            {
                claims.Add(new Claim(type, value.ToString()));
            }
        }
        Add(ScopeClaims.JobseekerId, actor.JobseekerId);
        Add(ScopeClaims.EstablishmentId, actor.EstablishmentId);
        Add(ScopeClaims.OfficeId, actor.OfficeId);
        Add(ScopeClaims.AgencyId, actor.AgencyId);
        if (actor.IsSupervisor)
        {
            claims.Add(new Claim(ScopeClaims.Supervisor, "true"));
        }
        auth.SetClaims([.. claims]);
    }

    /// <summary>Renders in Japanese, the interface language.</summary>
    protected IRenderedComponent<TComponent> Show<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        CultureInfo.CurrentCulture = Japanese;
        CultureInfo.CurrentUICulture = Japanese;
        return Render(parameters);
    }

    /// <summary>Types into a field as a person does: MudBlazor listens to <c>oninput</c> on an immediate field, to <c>onchange</c>
    /// otherwise.</summary>
    protected static void Enter(AngleSharp.Dom.IElement input, string value)
    {
        try
        {
            input.Change(value);
        }
        catch (MissingEventHandlerException)
        {
            input.Input(value);
        }
    }

    /// <summary>The Japanese message of an error code, as <c>ErrorText.Message</c> gives it to the components.</summary>
    protected string Error(string code)
    {
        CultureInfo.CurrentUICulture = Japanese;
        return Services.GetRequiredService<IStringLocalizer<Ui>>().Message(code);
    }

    /// <summary>The Japanese text of a resource key, as the component reads it.</summary>
    protected string Text<TResource>(string key, params object[] arguments)
    {
        CultureInfo.CurrentUICulture = Japanese;
        return Services.GetRequiredService<IStringLocalizer<TResource>>()[key, arguments].Value;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (World is not null)
        {
            await World.DisposeAsync();
        }
    }
}
