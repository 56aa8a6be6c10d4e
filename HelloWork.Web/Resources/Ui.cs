using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace HelloWork.Web.Resources;

/// <summary>The UI's strings: keys in English; Ui.resx holds Japanese (the interface language), Ui.en.resx English (R-UI-1).</summary>
public sealed class Ui;
