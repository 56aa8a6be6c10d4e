using System.Net;
using IPNetwork = System.Net.IPNetwork;

namespace HelloWork.Web.Security;

/// <summary>
/// The section <c>ForwardedHeaders</c> (README, "Behind a reverse proxy"): the proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Off unless at least one proxy or network is listed: a portal reached directly must
/// never take a client's word for its own address, or one client could dodge every per-address limit (sign-in,
/// registration) by sending a new header with each request.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the reverse proxies in front of the portal, e.g. <c>10.0.0.5</c>; an entry may list several, separated
    /// by commas or spaces.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the reverse proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are trusted (entries taken from the right of <c>X-Forwarded-For</c>), each of them
    /// listed above. 1 for one proxy.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => Proxies().Any() || Networks().Any();

    public IEnumerable<IPAddress> Proxies() => Entries(KnownProxies).Select(entry => IPAddress.TryParse(entry, out var address)
        ? address
        : throw new InvalidOperationException($"{Section}:KnownProxies: '{entry}' is not an IP address."));

    public IEnumerable<IPNetwork> Networks() => Entries(KnownNetworks).Select(entry => IPNetwork.TryParse(entry, out var network)
        ? network
        : throw new InvalidOperationException($"{Section}:KnownNetworks: '{entry}' is not a network in CIDR form (e.g. 10.0.0.0/24)."));

    private static IEnumerable<string> Entries(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Only the listed proxies: ASP.NET Core's defaults (loopback) are removed, so a client on the portal's own machine
    /// is not a proxy unless listed.</summary>
    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies())
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in Networks())
        {
            options.KnownIPNetworks.Add(network);
        }
        options.ForwardLimit = ForwardLimit > 0
            ? ForwardLimit
            : throw new InvalidOperationException($"{Section}:ForwardLimit must be 1 or more.");
    }
}
