namespace HelloWork.Tests.Domain.Documents;

/// <summary>Writes rendered documents to $HELLOWORK_PDF_OUT when it is set, for looking at them (pdftoppm) by hand.</summary>
internal static class DocumentOutput
{
    public static void Keep(string name, byte[] pdf)
    {
        var folder = Environment.GetEnvironmentVariable("HELLOWORK_PDF_OUT");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), pdf);
        }
    }
}
