using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HelloWork.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port chosen by the system, for the mail tests and the <c>mail</c>
/// scenario: it keeps every mail it receives, parsed by MimeKit, and counts deliveries per Message-Id, so a run can tell lost
/// (a committed change with no mail) from duplicated (one Message-Id delivered twice). Shared with HelloWork.Tests.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly Store store = new();

    private LoopbackSmtp(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add((IMessageStore)store);
        services.Add((IMailboxFilter)store);
        services.Add((SmtpServer.Net.IEndpointListenerFactory)new NoDelayListenerFactory());
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>Every delivery, in arrival order (a Message-Id sent twice is here twice).</summary>
    public IReadOnlyList<MimeMessage> Received => [.. store.Messages];

    /// <summary>Deliveries per Message-Id.</summary>
    public IReadOnlyDictionary<string, int> CountByMessageId => store.Counts;

    public int Deliveries => store.Messages.Count;

    /// <summary>The envelope sender (MAIL FROM, what becomes Return-Path) per Message-Id, as last received.</summary>
    public IReadOnlyDictionary<string, string> EnvelopeSenders => store.Senders;

    /// <summary>Rejects RCPT TO for addresses ending so (a permanent 550: a bounce).</summary>
    public string? RejectDomain { get => store.RejectDomain; set => store.RejectDomain = value; }

    public static LoopbackSmtp Start()
    {
        // A free loopback port: the system picks it, the listener lets it go, the SMTP server takes it.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackSmtp(port);
    }

    /// <summary>Waits until <paramref name="done"/> holds for the mails received, or the timeout passes.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<MimeMessage>, bool> done, TimeSpan timeout, CancellationToken ct = default)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (done(Received))
            {
                return true;
            }
            await Task.Delay(50, ct);
        }
        return done(Received);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    /// <summary>
    /// Accepts with Nagle's algorithm off, as SMTP servers answer. With PIPELINING the client sends MAIL, RCPT and DATA in one
    /// write and this server writes three small replies one by one; with Nagle on, the second waits for the client's delayed
    /// ACK — about 40 ms a mail that no real server adds (measured: 41 mails a second with it, over 500 without, HelloWork.Bench
    /// <c>mail</c>). Plain TCP only: the tests do not use STARTTLS.
    /// </summary>
    private sealed class NoDelayListenerFactory : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : SmtpServer.Net.IEndpointListener
        {
            public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var socket = await listener.AcceptSocketAsync(cancellationToken);
                socket.NoDelay = true;
                return new Pipe(new NetworkStream(socket, ownsSocket: true));
            }

            public void Dispose() => listener.Stop();
        }

        private sealed class Pipe(NetworkStream stream) : SmtpServer.IO.ISecurableDuplexPipe
        {
            public System.IO.Pipelines.PipeReader Input { get; } = System.IO.Pipelines.PipeReader.Create(stream);
            public System.IO.Pipelines.PipeWriter Output { get; } = System.IO.Pipelines.PipeWriter.Create(stream);
            public bool IsSecure => false;
            public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

            public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
                System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("The loopback server speaks plain SMTP only.");

            public void Dispose() => stream.Dispose();
        }
    }

    private sealed class Store : MessageStore, IMailboxFilter
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();
        public ConcurrentDictionary<string, int> Counts { get; } = new();
        public ConcurrentDictionary<string, string> Senders { get; } = new();
        public string? RejectDomain { get; set; }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }
            stream.Position = 0;
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Messages.Enqueue(message);
            Counts.AddOrUpdate(message.MessageId ?? "", 1, (_, n) => n + 1);
            Senders[message.MessageId ?? ""] = $"{transaction.From.User}@{transaction.From.Host}";
            return SmtpResponse.Ok;
        }

        public Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(RejectDomain is null || !to.Host.EndsWith(RejectDomain, StringComparison.OrdinalIgnoreCase));
    }
}
