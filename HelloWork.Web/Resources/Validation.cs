using System.Globalization;
using System.Resources;

namespace HelloWork.Web.Resources;

/// <summary>
/// DataAnnotations messages from the UI resources, for form models:
/// <c>[Required(ErrorMessageResourceType = typeof(Validation), ErrorMessageResourceName = nameof(Validation.Required))]</c>.
/// Read at validation time, so they follow the request's language.
/// </summary>
public static class Validation
{
    private static readonly ResourceManager Resources = new(typeof(Ui).FullName!, typeof(Ui).Assembly);

    public static string Required => Get("Error.Required");
    public static string EmailFormat => Get("Error.EmailFormat");
    public static string PhoneFormat => Get("Error.PhoneFormat");
    public static string PostalCodeFormat => Get("Error.PostalCodeFormat");
    public static string OutOfRange => Get("Error.OutOfRange");

    /// <summary>StringLength: {1} is the maximum length.</summary>
    public static string MaxLength => Get("Validation.MaxLength");

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
