using System.Diagnostics.CodeAnalysis;

namespace HelloWork.Web.Security;

/// <summary>Where a page may send a person back to from a query parameter (the sign-in's ReturnUrl, the expired form's way back): a
/// path of this site only, never another host ("//host", "/\host", an absolute URL), so no link of ours becomes an open redirect.</summary>
public static class LocalUrls
{
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url) && Uri.IsWellFormedUriString(url, UriKind.Relative) && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal) && url.TrimStart('/').Length > 0;

    /// <summary><paramref name="url"/> when it is local, otherwise the top page.</summary>
    public static string LocalOrHome(string? url) => IsLocal(url) ? url : "/";
}
