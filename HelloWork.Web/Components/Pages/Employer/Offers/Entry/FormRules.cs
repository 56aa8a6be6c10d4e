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
