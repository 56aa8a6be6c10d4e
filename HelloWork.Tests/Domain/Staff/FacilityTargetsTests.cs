using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Staff;

/// <summary>R-KPI-4: supervisors record integrated facilities' yearly targets and actuals; the verdict follows them.</summary>
public sealed class FacilityTargetsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FacilityInput Input(int placementsActual, int usersActual) =>
        new("文京区しごとセンター", 2026, 300, 45m, 1200, 3000, placementsActual, 47.5m, usersActual, 3100);

    [Fact]
    public async Task A_supervisor_records_targets_and_actuals_and_the_verdict_follows_them()
    {
        await using var world = await DomainWorld.CreateAsync();
        var supervisor = world.StaffActor1 with { IsSupervisor = true };
        var targets = new FacilityTargets(world.Ops);

        var id = await targets.SaveAsync(supervisor, null, Input(310, 1300), Ct);
        Assert.Equal(Achievement.Achieved, (await world.WithDbAsync(db => db.IntegratedFacilityTargets.SingleAsync(t => t.Id == id, Ct))).Result);

        await targets.SaveAsync(supervisor, id, Input(210, 1300), Ct);
        Assert.Equal(Achievement.PartlyAchieved, (await world.WithDbAsync(db => db.IntegratedFacilityTargets.SingleAsync(t => t.Id == id, Ct))).Result);
    }

    [Fact]
    public async Task Staff_who_are_not_supervisors_and_other_offices_are_refused_and_bad_numbers_change_nothing()
    {
        await using var world = await DomainWorld.CreateAsync();
        var targets = new FacilityTargets(world.Ops);
        var id = await targets.SaveAsync(world.StaffActor1 with { IsSupervisor = true }, null, Input(310, 1300), Ct);

        await Assert.ThrowsAsync<ScopeException>(() => targets.SaveAsync(world.StaffActor1, null, Input(1, 1), Ct));
        await Assert.ThrowsAsync<ScopeException>(() => targets.SaveAsync(world.StaffActor2 with { IsSupervisor = true }, id, Input(1, 1), Ct));
        await Assert.ThrowsAsync<DomainException>(() => targets.SaveAsync(world.StaffActor1 with { IsSupervisor = true }, id, Input(-5, 1300), Ct));

        var saved = await world.WithDbAsync(db => db.IntegratedFacilityTargets.SingleAsync(t => t.Id == id, Ct));
        Assert.Equal(310, saved.PlacementsActual);
        Assert.Equal(1, await world.WithDbAsync(db => db.IntegratedFacilityTargets.CountAsync(Ct)));
    }
}
