using System.ComponentModel.DataAnnotations;
using HelloWork.Web.Resources;

namespace HelloWork.Web.Components.Pages.Employer.Offers.Entry;

// DataAnnotations for the entry forms with the UI's own messages (the first of the two validations; the domain's
// JobSheetChecks is the second and has the last word, R-ERR-1).

[AttributeUsage(AttributeTargets.Property)]
public sealed class ReqAttribute : RequiredAttribute
{
    public ReqAttribute()
    {
        ErrorMessageResourceType = typeof(Validation);
        ErrorMessageResourceName = nameof(Validation.Required);
    }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxAttribute : StringLengthAttribute
{
    public MaxAttribute(int maximumLength) : base(maximumLength)
    {
        ErrorMessageResourceType = typeof(Validation);
        ErrorMessageResourceName = nameof(Validation.MaxLength);
    }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class BetweenAttribute : RangeAttribute
{
    public BetweenAttribute(int minimum, int maximum) : base(minimum, maximum)
    {
        ErrorMessageResourceType = typeof(Validation);
        ErrorMessageResourceName = nameof(Validation.OutOfRange);
    }

    public BetweenAttribute(double minimum, double maximum) : base(minimum, maximum)
    {
        ErrorMessageResourceType = typeof(Validation);
        ErrorMessageResourceName = nameof(Validation.OutOfRange);
    }
}

/// <summary>The form's own checks without "required": what 一時保存 refuses at the page (a value wrong in itself), while empty entries
/// wait for 次へ (R-JOB-1, R-ERR-1). The domain's <c>JobOfferService.SaveDraftAsync</c> decides the same split again.</summary>
public static class DraftRules
{
    public static IEnumerable<(string Property, string Message)> WrongInItself(object section)
    {
        foreach (var property in section.GetType().GetProperties())
        {
            var value = property.GetValue(section);
            var context = new ValidationContext(section) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var rule in property.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>())
            {
                if (rule is RequiredAttribute)
                {
                    continue;
                }
                if (rule.GetValidationResult(value, context) is { ErrorMessage: { } message })
                {
                    yield return (property.Name, message);
                }
            }
        }
    }
}
