using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Common;

/// <summary>A secret of the server kept in the database (<c>ServerSecrets</c>), so that it survives restarts and every node
/// that shares the database uses the same one. Made on first use; never shown, never exported.</summary>
public sealed class ServerSecret
{
    private ServerSecret() { }

    public ServerSecret(string name, byte[] value, DateTimeOffset createdAt)
    {
        Name = name;
        Value = value;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = "";
    public byte[] Value { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>Who holds a token: an agency (R-AGY-2) or an establishment searching profiles (R-SRC-3). Part of the key, so the
/// two kinds of holder never share tokens even if their ids were equal.</summary>
public enum TokenHolder
{
    Agency = 1,
    Establishment = 2,
}

/// <summary>
/// Opaque names for a jobseeker, one per holder (R-AGY-2, R-SRC-3, R-ACC-4): the jobseeker's database id never leaves the
/// server, and two holders cannot link their copies of one person, because each holder's token for the same person differs.
/// A token is deterministic for (holder, jobseeker) — the same holder gets the same token on every call, on every node,
/// after every restart — 22 URL-safe characters, and can be turned back into the jobseeker only with the holder's key.
/// <para>How: the holder's key is HMAC-SHA256(server secret, kind ‖ holder id); the token is the jobseeker id (one 16-byte
/// block) encrypted with AES-256 under that key, Base64url. Resolving decrypts with the key of the holder who presents the
/// token, so another holder's token (or a made-up one) names a random id that exists nowhere. Whether the jobseeker is still
/// within the holder's scope (consent, public profile) is the caller's check, against the database, every time.</para>
/// </summary>
public sealed class OpaqueTokens(Operations ops)
{
    public const string SecretName = "OpaqueTokens.v1";
    public const int TokenLength = 22;

    private byte[]? secret;

    /// <summary>The token scope of one holder: issue and resolve tokens for that holder only.</summary>
    public async Task<TokenScope> ForAsync(TokenHolder kind, Guid holderId, CancellationToken ct = default)
    {
        var key = await SecretAsync(ct);
        Span<byte> input = stackalloc byte[17];
        input[0] = (byte)kind;
        holderId.TryWriteBytes(input[1..]);
        return new TokenScope(HMACSHA256.HashData(key, input));
    }

    /// <summary>The server secret: read from the database, or made and stored when there is none. Two nodes that both find
    /// none race to insert under the same primary key; the loser reads the winner's, so all use one secret.</summary>
    private async Task<byte[]> SecretAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref secret) is { } known)
        {
            return known;
        }
        var value = await StoredAsync(ct);
        if (value is null)
        {
            var made = RandomNumberGenerator.GetBytes(32);
            try
            {
                await ops.ReadAsync(async db =>
                {
                    db.ServerSecrets.Add(new ServerSecret(SecretName, made, ops.Clock.GetUtcNow()));
                    return await db.SaveChangesAsync(ct);
                }, ct);
                value = made;
            }
            catch (DbUpdateException)
            {
                // Another node stored it first: theirs is the one.
                value = await StoredAsync(ct) ?? throw new InvalidOperationException("The server secret could be neither stored nor read.");
            }
        }
        Volatile.Write(ref secret, value);
        return value;
    }

    private Task<byte[]?> StoredAsync(CancellationToken ct) =>
        ops.ReadAsync(db => db.ServerSecrets.Where(s => s.Name == SecretName).Select(s => (byte[]?)s.Value).FirstOrDefaultAsync(ct), ct);
}

/// <summary>One holder's tokens (see <see cref="OpaqueTokens"/>).</summary>
public sealed class TokenScope
{
    private readonly byte[] key;

    internal TokenScope(byte[] key) => this.key = key;

    public string Issue(Guid jobseekerId)
    {
        Span<byte> block = stackalloc byte[16];
        jobseekerId.TryWriteBytes(block);
        using var aes = Aes.Create();
        aes.Key = key;
        return Base64Url.EncodeToString(aes.EncryptEcb(block, PaddingMode.None));
    }

    /// <summary>The jobseeker id the token names for this holder, or null when it is not a token at all. A token of another
    /// holder decrypts to an id that names nobody: the caller's database check finds nothing.</summary>
    public Guid? Resolve(string? token)
    {
        if (token is null || token.Length != OpaqueTokens.TokenLength)
        {
            return null;
        }
        Span<byte> block = stackalloc byte[16];
        if (!Base64Url.IsValid(token) || Base64Url.DecodeFromChars(token, block, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != 16)
        {
            return null;
        }
        using var aes = Aes.Create();
        aes.Key = key;
        return new Guid(aes.DecryptEcb(block, PaddingMode.None));
    }
}
