using System.Text.Json;
using HelloWork.Domain.Common;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Endpoints;

/// <summary>
/// Refusals once, at the edge (R-ERR-1, R-ACC-4): the one place where an HTTP request's refusal becomes an answer, for
/// every endpoint. A rule's refusal (<see cref="DomainException"/>) is 422 problem details with the page's own message in the
/// request's language, its <c>code</c> and <c>field</c> (codes ending in <c>NotFound</c> are 404); a scope refusal
/// (<see cref="ScopeException"/>) is 404, revealing nothing about whether the object exists; a request the endpoint cannot read
/// (<see cref="BadHttpRequestException"/>: a body that is not JSON, <c>?pageSize=abc</c>) is its 4xx. All three are the client's
/// doing: logged as a warning without a stack trace, never as an error 500. For a page (a component endpoint) a scope
/// refusal is a bare 404, so the status page shows 「ページが見つかりません」.
/// </summary>
public sealed class RefusalExceptionHandler(IStringLocalizer<Ui> l, IProblemDetailsService problems, ILogger<RefusalExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>The status a refusal answers, or null for an exception that is not a refusal (a bug: the error page and log).</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        DomainException e when e.Code.EndsWith("NotFound", StringComparison.Ordinal) => StatusCodes.Status404NotFound,
        DomainException => StatusCodes.Status422UnprocessableEntity,
        ScopeException => StatusCodes.Status404NotFound,
        BadHttpRequestException e => e.StatusCode,
        _ => null,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (StatusOf(exception) is not { } status || context.Response.HasStarted)
        {
            return false;
        }
        var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if (isPage && exception is DomainException)
        {
            return false; // a page handles its rules' refusals next to the field; one that escapes is a bug
        }
        logger.LogWarning("Refused {RequestMethod} {RequestPath} with {StatusCode}: {Refusal} {Code}", context.Request.Method, context.Request.Path.Value,
            status, exception.GetType().Name, (exception as DomainException)?.Code);
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (isPage)
        {
            return true; // an empty 404: the status-code page re-executes into 「ページが見つかりません」
        }
        var details = new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = { Status = status } };
        switch (exception)
        {
            case DomainException e:
                details.ProblemDetails.Detail = l.Message(e);
                details.ProblemDetails.Extensions["code"] = e.Code;
                details.ProblemDetails.Extensions["field"] = e.Field is null ? null : JsonNamingPolicy.CamelCase.ConvertName(e.Field);
                break;
            case ScopeException:
                details.ProblemDetails.Detail = "Not found.";
                break;
            case BadHttpRequestException e:
                details.ProblemDetails.Title = "The request could not be read.";
                // The framework's own sentence names the parameter and the source, never a type's internals.
                details.ProblemDetails.Detail = e.Message;
                break;
        }
        if (!await problems.TryWriteAsync(details))
        {
            // A client that accepts no JSON still learns the status; the body says it plainly.
            await context.Response.WriteAsync(details.ProblemDetails.Detail ?? "", cancellationToken);
        }
        return true;
    }
}

/// <summary>Registration and the pipeline's place of <see cref="RefusalExceptionHandler"/>.</summary>
public static class Refusals
{
    public static IServiceCollection AddRefusals(this IServiceCollection services)
    {
        // Endpoints throw for an unreadable request in every environment, so that the handler answers the same way everywhere.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<RefusalExceptionHandler>();
        // The framework's exception handler (outside Development, in front of everything) asks it first as well.
        services.AddSingleton<IExceptionHandler>(sp => sp.GetRequiredService<RefusalExceptionHandler>());
        return services;
    }

    /// <summary>
    /// Inside the request log, so that the request's line says the 4xx that was answered (information) instead of an exception
    /// and a 500 (error). Anything that is not a refusal passes on unchanged to the error page and the error log.
    /// </summary>
    public static IApplicationBuilder UseRefusals(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (RefusalExceptionHandler.StatusOf(e) is not null && !context.Response.HasStarted)
        {
            var handler = context.RequestServices.GetRequiredService<RefusalExceptionHandler>();
            if (!await handler.TryHandleAsync(context, e, context.RequestAborted))
            {
                throw;
            }
        }
    });
}
