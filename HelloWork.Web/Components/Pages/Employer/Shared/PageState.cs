namespace HelloWork.Web.Components.Pages.Employer.Shared;

/// <summary>The states every employer page shows explicitly: loading, ready (possibly empty), not found, access denied (R-ACC-4).</summary>
public enum PageState
{
    Loading = 0,
    Ready = 1,
    NotFound = 2,
    Denied = 3,
}
