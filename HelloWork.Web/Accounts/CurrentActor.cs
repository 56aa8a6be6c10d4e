using HelloWork.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace HelloWork.Web.Accounts;

/// <summary>The signed-in person as the domain sees them, built on the server from the authentication state.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.From(state.User) ?? throw new ScopeException("anonymous access");
    }

    public async Task<Actor?> TryGetAsync() => Actor.From((await authentication.GetAuthenticationStateAsync()).User);
}
