using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HelloWork.Tests.Host.Http;

/// <summary>Fills in the portal's static server-rendered forms as a browser would: antiforgery token, form name, fields.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) => Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>GETs <paramref name="path"/>, then POSTs the form named <paramref name="formName"/> with its hidden fields
    /// (<c>_handler</c>, <c>__RequestVerificationToken</c>) and <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetPageAsync(client, path);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {path}.");
        var values = form.QuerySelectorAll("input[type='hidden']")
            .Where(i => i.GetAttribute("name") is not null)
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields)
            .ToList();
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(path, content);
    }

    /// <summary>Signs in through the real /Account/Login form; the cookie lands in the client's jar.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = PortalHost.DemoPassword) =>
        SubmitAsync(client, "/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The messages shown in the field wrapper of the input with id <paramref name="inputId"/> (R-ERR-1: next to the field).</summary>
    public static IReadOnlyList<string> FieldMessages(IDocument page, string inputId)
    {
        var input = page.GetElementById(inputId) ?? throw new InvalidOperationException($"No input #{inputId}.");
        var field = input.Closest(".hw-field") ?? throw new InvalidOperationException($"#{inputId} has no field wrapper.");
        return [.. field.QuerySelectorAll(".hw-error, .validation-message").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)];
    }
}
