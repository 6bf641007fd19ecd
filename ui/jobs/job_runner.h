#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace layerlens::ui {

// What a job reports while it runs, from its worker thread.
struct JobReport
{
    double fraction = -1; // 0..1, or -1 when unknown
    double etaSeconds = -1;
    QString message; // a log line, or empty
};

// How a job ends.
struct JobOutcome
{
    bool ok = false;
    bool cancelled = false;
    QString summary;    // one line for the log
    QString profileDir; // a profile the job wrote, for the window to switch to
    // A speed check's ratio: this machine's time over the profile's at
    // calibration; 0 when the job measured none.
    double speedRatio = 0;
};

// The body of a job: runs on a worker thread, calls report() as it goes and
// stops early when cancelled() turns true.
using JobBody = std::function<JobOutcome(const std::function<void(const JobReport &)> &report,
                                         const std::function<bool()> &cancelled)>;

// One job running off the GUI thread. Reports arrive on the GUI thread as
// signals; cancel() asks the body to stop.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    JobRunner(int id, QString title, JobBody body, QObject *parent = nullptr);
    ~JobRunner() override;

    int id() const { return m_id; }
    QString title() const { return m_title; }
    bool running() const { return m_running; }
    void start();
    void cancel();
    // Blocks until the body has returned (for shutdown).
    void wait();

Q_SIGNALS:
    void reported(const layerlens::ui::JobReport &report);
    void finished(const layerlens::ui::JobOutcome &outcome);

private:
    int m_id;
    QString m_title;
    JobBody m_body;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
    struct Future;
    std::unique_ptr<Future> m_future;
};

} // namespace layerlens::ui

Q_DECLARE_METATYPE(layerlens::ui::JobReport)
Q_DECLARE_METATYPE(layerlens::ui::JobOutcome)
