using HelloWork.Domain.Common;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Resources;

/// <summary>Turns domain refusal codes into the localised message shown next to the field (R-ERR-1).</summary>
public static class ErrorText
{
    public static string Message(this IStringLocalizer<Ui> l, string code, params object[] args)
    {
        var text = l["Error." + code, args];
        return text.ResourceNotFound ? l["Error.Unknown"] : text.Value;
    }

    public static string Message(this IStringLocalizer<Ui> l, DomainException e) => l.Message(e.Code, [.. e.Args]);
}
