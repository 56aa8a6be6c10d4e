namespace HelloWork.Web.Components.Pages.Employer.Shared;

/// <summary>The states every employer page shows explicitly: loading, ready (possibly empty), not found — also for another
/// establishment's object, which looks exactly like a missing one (R-ACC-4) —, and denied: a rule of the employer's own account
/// refuses the page (talent search without a valid offer).</summary>
public enum PageState
{
    Loading = 0,
    Ready = 1,
    NotFound = 2,
    Denied = 3,
}
