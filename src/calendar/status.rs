//! Session and MOOC statuses, exactly as the content model defines them.
//!
//! A session's status depends on its dates and "today"; a MOOC's status is
//! that of its most relevant session. Keys (`open`, `ongoing-open`, …) are
//! machine-readable and never translated; labels come from the theme.

use jiff::civil::Date;

use crate::calendar::period::When;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Open,
    OngoingOpen,
    Upcoming,
    OngoingClosed,
    EnrollmentClosed,
    Planned,
    Archived,
    Cancelled,
    ToBeScheduled,
}

impl Status {
    /// All statuses, in the MOOC priority order.
    pub const ALL: [Status; 9] = [
        Status::Open,
        Status::OngoingOpen,
        Status::Upcoming,
        Status::OngoingClosed,
        Status::EnrollmentClosed,
        Status::Planned,
        Status::Archived,
        Status::Cancelled,
        Status::ToBeScheduled,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::OngoingOpen => "ongoing-open",
            Status::Upcoming => "upcoming",
            Status::OngoingClosed => "ongoing-closed",
            Status::EnrollmentClosed => "enrollment-closed",
            Status::Planned => "planned",
            Status::Archived => "archived",
            Status::Cancelled => "cancelled",
            Status::ToBeScheduled => "to-be-scheduled",
        }
    }

    /// Whether a learner can enrol now.
    pub fn enrollable(self) -> bool {
        matches!(self, Status::Open | Status::OngoingOpen)
    }

    /// Whether a link to enrol is worth showing: enrolment is open or is
    /// still to open (not once it has closed or the session has ended).
    pub fn enrolment_ahead(self) -> bool {
        matches!(self, Status::Open | Status::OngoingOpen | Status::Upcoming)
    }
}

/// The dates of a session that its status depends on.
#[derive(Debug, Clone, Copy)]
pub struct SessionDates {
    pub start: When,
    pub end: Option<Date>,
    pub enrollment_start: Option<Date>,
    pub enrollment_end: Option<Date>,
    pub self_paced: bool,
    pub cancelled: bool,
}

impl SessionDates {
    /// The last day one can enrol: `enrollment_end`, else `end`.
    fn enrollment_last(&self) -> Option<Date> {
        self.enrollment_end.or(self.end)
    }

    fn enrollment_open(&self, today: Date) -> bool {
        let started = self.enrollment_start.is_none_or(|s| s <= today);
        let not_over = self.enrollment_last().is_none_or(|e| today <= e);
        started && not_over
    }
}

/// Status of one session as of `today` (rules 1–5 of the content model).
pub fn session_status(s: &SessionDates, today: Date) -> Status {
    if s.cancelled {
        return Status::Cancelled;
    }
    let start = match s.start {
        When::Period(p) => {
            return if p.last_day() < today { Status::Archived } else { Status::Planned };
        }
        When::Date(d) => d,
    };
    if s.end.is_some_and(|e| e < today) {
        return Status::Archived;
    }
    let running = start <= today && (s.end.is_some() || s.self_paced);
    if running {
        return if s.enrollment_open(today) { Status::OngoingOpen } else { Status::OngoingClosed };
    }
    if today < start {
        if s.enrollment_start.is_some_and(|e| today < e) {
            return Status::Upcoming;
        }
        if s.enrollment_last().is_some_and(|e| e < today) {
            return Status::EnrollmentClosed;
        }
        return Status::Open;
    }
    // Started, no end and not self-paced: validation rejects this, but a
    // status is still needed; treat it as running with enrollment rules.
    if s.enrollment_open(today) {
        Status::OngoingOpen
    } else {
        Status::OngoingClosed
    }
}

/// Index of the most relevant session: best status by priority, ties to the
/// earliest start. `None` for a MOOC without sessions ("to be scheduled").
pub fn most_relevant(sessions: &[(Status, Date)]) -> Option<usize> {
    sessions.iter().enumerate().min_by_key(|(i, (status, start))| (*status, *start, *i)).map(|(i, _)| i)
}

/// Status of a MOOC from its sessions' statuses and start days.
pub fn mooc_status(sessions: &[(Status, Date)]) -> Status {
    most_relevant(sessions).map_or(Status::ToBeScheduled, |i| sessions[i].0)
}
