using QRCoder;

namespace HelloWork.Web.Accounts;

/// <summary>The otpauth URI of an authenticator key as a QR code (a PNG data URI: the page's content security policy allows
/// <c>img-src data:</c>, and nothing leaves the portal). QRCoder draws the PNG itself, without System.Drawing.</summary>
public static class AuthenticatorQr
{
    public static string DataUri(string otpauthUri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
