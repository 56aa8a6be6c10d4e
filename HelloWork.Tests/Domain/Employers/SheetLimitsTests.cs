using HelloWork.Domain.JobOffers.Law;
using System.Reflection;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Components.Pages.Employer.Offers.Entry;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>
/// The entry screens' length limits are the domain's (SheetLimits): every text field of the eight forms stops at the
/// constant of its sheet property, and the domain's checks refuse one character more with a message next to that field
/// (R-JOB-1, R-ERR-1), so a screen and the API can never disagree on what fits.
/// </summary>
public sealed class SheetLimitsTests
{
    public static TheoryData<string, string> TextFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var section in SheetForm.Prefixes)
        {
            var form = new SheetForm().Section(section)!.GetType();
            foreach (var property in form.GetProperties().Where(p => p.GetCustomAttribute<MaxAttribute>() is not null))
            {
                data.Add(section, property.Name);
            }
        }
        return data;
    }

    private static int Limit(string section, string property) =>
        (int)typeof(SheetLimits).GetNestedType(section)!.GetField(property)!.GetRawConstantValue()!;

    [Theory]
    [MemberData(nameof(TextFields))]
    public void The_form_field_stops_at_the_domain_limit_and_the_check_refuses_one_character_more(string section, string property)
    {
        var limit = Limit(section, property);
        var formProperty = new SheetForm().Section(section)!.GetType().GetProperty(property)!;
        Assert.Equal(limit, formProperty.GetCustomAttribute<MaxAttribute>()!.MaximumLength);

        IReadOnlyList<Finding> FindingsWith(string text)
        {
            var form = SheetForm.From(new JobSheet());
            formProperty.SetValue(form.Section(section), text);
            return [.. JobSheetChecks.Check(form.ToSheet(), LawContext.On(new DateOnly(2026, 12, 1))).Where(f => f.Field == $"{section}.{property}")];
        }

        // Digits fit every format check (postal code, corporate number, fax) by length alone.
        var tooLong = FindingsWith(new string('1', limit + 1));
        Assert.Contains(tooLong, f => f.IsWrong);
        Assert.DoesNotContain(FindingsWith(new string('1', limit)), f => f.Code == "TooLong");
    }

    [Fact]
    public void Every_text_field_of_the_forms_has_a_limit()
    {
        var unlimited = SheetForm.Prefixes
            .SelectMany(s => new SheetForm().Section(s)!.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (s, p)))
            .Where(x => x.p.GetCustomAttribute<MaxAttribute>() is null)
            .Select(x => $"{x.s}.{x.p.Name}");
        Assert.Empty(unlimited);
    }
}
