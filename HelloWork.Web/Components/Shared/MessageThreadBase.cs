using HelloWork.Domain.Common;
using HelloWork.Domain.Messaging;
using HelloWork.Web.Accounts;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Components.Shared;

/// <summary>
/// What the two message threads (the jobseeker's with the employer, the employer's with the applicant; R-MSG-1/2) share: reading
/// the thread and sending. Each side keeps its own markup. Reading the thread marks the other side's messages read (a write), so it
/// happens only when the application or <see cref="Version"/> changes, not on every render of the page around it.
/// </summary>
public abstract class MessageThreadBase : ComponentBase
{
    private (Guid Id, int Version)? loadedFor;

    [Inject]
    protected MessageService Messages { get; set; } = default!;

    [Inject]
    protected CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<Ui> L { get; set; } = default!;

    [Inject]
    private FormAction Form { get; set; } = default!;

    [Parameter, EditorRequired]
    public required Guid ApplicationId { get; set; }

    /// <summary>Why sending is closed (the reason is shown instead of the form), or null.</summary>
    [Parameter]
    public ThreadClosedReason? ClosedReason { get; set; }

    /// <summary>Bumped by the page when a message notice arrives, so the thread reloads live.</summary>
    [Parameter]
    public int Version { get; set; }

    /// <summary>The thread, oldest first; null while loading.</summary>
    protected List<MessageView>? Thread { get; private set; }

    protected string? Draft { get; set; }

    protected string? Error => Form.Error;

    protected bool Busy => Form.Busy;

    /// <summary>「2000文字以内で入力してください。」 once the draft reaches <see cref="Message.MaxLength"/>: the box's maxlength cuts a
    /// paste there so the person learns why the text ends (R-ERR-1). The domain refuses anything longer that arrives another way.</summary>
    protected string? LimitHint => Draft?.Length >= Message.MaxLength ? L.Message("TooLong", Message.MaxLength) : null;

    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == (ApplicationId, Version))
        {
            return;
        }
        loadedFor = (ApplicationId, Version);
        await LoadAsync();
    }

    private async Task LoadAsync() => Thread = await Messages.ReadThreadAsync(await CurrentActor.GetAsync(), ApplicationId);

    protected async Task SendAsync()
    {
        if (await Form.RunAsync(async () => await Messages.SendAsync(await CurrentActor.GetAsync(), ApplicationId, Draft ?? "")))
        {
            Draft = null;
            await LoadAsync();
        }
    }
}
