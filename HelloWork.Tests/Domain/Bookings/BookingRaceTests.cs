using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using HelloWork.Tests.Domain.Employers;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Bookings;

/// <summary>
/// R-EVT-1 "never more bookings than seats" and R-APT-1 "never two bookings for one slot" under contention, on SQLite and on a real
/// PostgreSQL (<c>HELLOWORK_TEST_PG</c>; skipped with the reason without it). The racers are split over two nodes — two
/// <see cref="Operations"/> with their own connection pools on one database — and released at once; each booking is its own
/// transaction. What decides is the conditional UPDATE (docs/bookings.md), so the outcome is exact, not "usually right".
/// </summary>
public sealed class BookingRaceTests
{
    private const int Clients = 50;
    private const int LastSeats = 10;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Fifty_clients_racing_for_the_last_10_seats_get_exactly_10_bookings_and_40_clear_refusals(string provider)
    {
        await using var d = await DomainWorld.CreateAsync(provider);
        var early = await BookingWorld.JobseekersAsync(d, 2, "early");
        var racers = await BookingWorld.JobseekersAsync(d, Clients);
        var nodeA = new EventBookings(d.Ops);
        var nodeB = new EventBookings(BookingWorld.SecondNode(d));
        var eventId = await nodeA.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, LastSeats + early.Count), [], Ct);
        foreach (var actor in early)
        {
            Assert.Equal(BookingOutcome.Booked, await nodeA.BookAsync(actor, eventId, waitIfFull: false, Ct));
        }

        var outcomes = await DirectRequestRaceTests.RaceAsync(racers.Select((actor, i) => (Func<Task<Guid>>)(async () =>
        {
            await (i % 2 == 0 ? nodeA : nodeB).BookAsync(actor, eventId, waitIfFull: false, Ct);
            return actor.JobseekerId!.Value;
        })));

        Assert.Equal(LastSeats, outcomes.Count(o => o.Exception is null));
        var refusals = outcomes.Where(o => o.Exception is not null).Select(o => o.Exception).ToList();
        Assert.Equal(Clients - LastSeats, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(ErrorCodes.EventFull, Assert.IsType<DomainException>(e).Code));
        var (booked, confirmed, audited) = await d.WithDbAsync(async db => (
            await db.OfficeEvents.Where(e => e.Id == eventId).Select(e => e.Booked).SingleAsync(Ct),
            await db.EventBookings.Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed).Select(b => b.JobseekerId).ToListAsync(Ct),
            await db.AuditEntries.CountAsync(a => a.Action == "EventBooked", Ct)));
        Assert.Equal(LastSeats + early.Count, booked);
        Assert.Equal(LastSeats + early.Count, confirmed.Count);
        // The winners are exactly those whose call returned; a refused racer left no row and no audit entry.
        Assert.Equal(outcomes.Where(o => o.Exception is null).Select(o => o.Id).Order(), confirmed.Except(early.Select(a => a.JobseekerId!.Value)).Order());
        Assert.Equal(LastSeats + early.Count, audited);
        Assert.Equal(0, (await nodeB.DetailAsync(racers[0], eventId, Ct)).Card.SeatsLeft);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Fifty_clients_racing_for_one_counselling_slot_give_one_appointment_and_49_clear_refusals(string provider)
    {
        await using var d = await DomainWorld.CreateAsync(provider);
        var racers = await BookingWorld.JobseekersAsync(d, Clients);
        var counsellor = await BookingWorld.CounsellorAsync(d, d.Office1.Id);
        var nodeA = new Appointments(d.Ops);
        var nodeB = new Appointments(BookingWorld.SecondNode(d));
        var tomorrow = JapanTime.Today(d.Clock).AddDays(1);
        await nodeA.AddSlotsAsync(d.StaffActor1, counsellor.UserId, tomorrow, [new TimeOnly(10, 0)], 45, Ct);
        var slotId = Assert.Single((await nodeA.ChoiceAsync(racers[0], Ct)).Slots).Id;

        var outcomes = await DirectRequestRaceTests.RaceAsync(racers.Select((actor, i) => (Func<Task<Guid>>)(async () =>
        {
            await (i % 2 == 0 ? nodeA : nodeB).BookAsync(actor, slotId, null, Ct);
            return actor.JobseekerId!.Value;
        })));

        var winner = Assert.Single(outcomes, o => o.Exception is null);
        Assert.All(outcomes.Where(o => o.Exception is not null), o => Assert.Equal(ErrorCodes.SlotTaken, Assert.IsType<DomainException>(o.Exception).Code));
        var holder = await d.WithDbAsync(db => db.CounsellingSlots.Where(s => s.Id == slotId).Select(s => s.JobseekerId).SingleAsync(Ct));
        Assert.Equal(winner.Id, holder);
        Assert.Equal(1, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AppointmentBooked", Ct)));
        Assert.Empty((await nodeB.ChoiceAsync(racers[1], Ct)).Slots);
    }
}
