using System.Security.Cryptography;

namespace HelloWork.Tests.Trust;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 of the 30-second step since 1970, six digits), written here from the
/// RFC and not taken from Identity, so a test that signs in with it checks the portal against the standard an app follows.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var step = (ulong)(at.ToUnixTimeSeconds() / 30);
        var counter = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 (A–Z, 2–7), spaces, case and padding ignored.</summary>
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new FormatException($"'{c}' is not base32.");
            }
            value = (value << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
