namespace HelloWork.Domain.Common;

/// <summary>
/// The one exception type the domain throws when a rule refuses an operation.
/// <see cref="Code"/> is a resource key (English) that the UI turns into a localised message;
/// <see cref="Field"/> names the input the refusal belongs to, so pages can show it next to the field (R-ERR-1).
/// </summary>
public sealed class DomainException(string code, string? field = null, params object[] args)
    : Exception(code)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
    public IReadOnlyList<object> Args { get; } = args;
}

/// <summary>Thrown when the caller asks for something outside their scope (R-ACC-4). Pages show "access denied", endpoints return 403/404.</summary>
public sealed class ScopeException(string what) : Exception($"Access to {what} is outside the caller's scope.");
