/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_DECENTRALIZED_LEARNING_APPLICATION_H
#define DIVSHARE_DECENTRALIZED_LEARNING_APPLICATION_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/fragment-inbox.h"
#include "ns3/learner.h"
#include "ns3/learning-worker-pool.h"
#include "ns3/model-aggregator.h"
#include "ns3/model-fragmenter.h"
#include "ns3/model-transport.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <memory>
#include <optional>
#include <vector>

/**
 * \defgroup divshare DivShare
 * Asynchronous decentralized learning (DivShare, AD-PSGD, Swift, D-PSGD, Epidemic Learning)
 * with real LibTorch models over packet-level ns-3 networks. See doc/divshare.rst.
 */

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Apply the GlobalValues DivShareWorkers and DivShareWorkerThreads to the
 * LearningWorkerPool (applications call it when they start; set them with
 * Config::SetGlobal or --DivShareWorkers=N on any CommandLine).
 */
void ConfigureLearningWorkers();

/**
 * \ingroup divshare
 * \brief Set the GlobalValues DivShareWorkers and DivShareWorkerThreads.
 * \param workers threads that run LibTorch jobs beside the simulator (0: one per core but
 *        the simulator's)
 * \param threadsPerWorker LibTorch threads of each (0: one per core, machine-dependent results)
 * \throws std::invalid_argument for more than 1,024 workers or 256 threads
 */
void SetLearningWorkers(uint32_t workers, uint32_t threadsPerWorker);

/**
 * \ingroup divshare
 * \brief The node loop shared by every decentralized-learning algorithm of this module.
 *
 * A node repeats: train LocalSteps mini-batches (LibTorch, wall time only), let the training
 * take ComputeTime of simulated time, then ShareModel() (the algorithm decides whom to send
 * which fragments, and whether to flush the send queue), then average everything received
 * since the last aggregation into its model (count-weighted, per coordinate) and start the
 * next iteration. Messages travel as real bytes through a ModelTransport over the node's TCP
 * sockets while the next iteration trains. An algorithm is a subclass that overrides the few
 * decisions below; it does not copy the loop.
 */
class DecentralizedLearningApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    DecentralizedLearningApplication();
    ~DecentralizedLearningApplication() override;

    /**
     * \brief Give the node its model and data (before the application starts).
     * \param learner the learner, owned by the application from now on
     */
    void SetLearner(std::unique_ptr<Learner> learner);
    /** \return the node's learner */
    Learner& GetLearner() const;
    /**
     * \brief Tell the node who it is and where everybody listens (before it starts).
     * \param self this node's index
     * \param peers transport address of every node (IP, Port), by node index
     */
    void SetPeers(uint32_t self, const std::vector<Address>& peers);
    /** \return this node's index */
    uint32_t GetNodeIndex() const;
    /** \return the number of nodes in the run */
    uint32_t GetNodeCount() const;
    /**
     * \brief Membership view: whether this node knows \p peer to be in the network. Peers
     * are drawn among the known ones (all, unless told otherwise: without a view every node
     * keeps drawing the configured membership).
     * \param peer a node index
     * \param known whether it is known to be in the network
     */
    void SetPeerKnown(uint32_t peer, bool known);
    /** \return the transport (its attributes configure the sockets and queue) */
    Ptr<ModelTransport> GetTransport() const;
    /**
     * \brief Use another transport (also the Transport attribute); it is wired to this
     * application, and the one it replaces is unwired.
     * \param transport the transport
     */
    void SetTransport(Ptr<ModelTransport> transport);
    /**
     * \brief What makes this application's attributes unusable in a run, checked before the
     * run starts (by the helpers) and again at StartApplication.
     * \param nodes learning nodes in the run
     * \param parameters values in a model
     * \return one line naming the attribute, its value, the limit and the fix; empty if usable
     */
    virtual std::string CheckConfiguration(uint32_t nodes, std::size_t parameters) const;
    /**
     * \brief Leave the network at once (a crash, or a leave): the training under way and
     * every transfer end, the connections close, and nothing more is sent. The node is no
     * longer present (IsPresent), so evaluations leave it out.
     */
    void Halt();
    /** \return whether Halt() was called */
    bool IsHalted() const;
    /**
     * \return whether the node takes part now: its start time has come (a node that joins
     * later is absent until then) and it has not halted (left or crashed)
     */
    bool IsPresent() const;
    /** \return the number of completed iterations */
    uint32_t GetIteration() const;
    /** \return the algorithm's name for outputs, e.g. "divshare" */
    virtual std::string GetAlgorithmName() const = 0;
    /**
     * \return whether the algorithm's rounds wait for every neighbour (synchronous), so that
     * a node or link that goes away stops the run
     */
    virtual bool WaitsForNeighbours() const;
    /** \return the evaluation of the node's current model (GetModel()) */
    EvaluationResult Evaluate() const;
    /**
     * \return the node's model as of now: the model its current training started from (the
     * training's result takes effect when its ComputeTime ends), or the aggregated one
     */
    const std::vector<float>& GetModel() const;
    /** \return wall-clock seconds this node's completed iterations spent in local training */
    double GetTrainingWallSeconds() const;

    /**
     * \brief Assign fixed random variable streams.
     * \param stream first stream index to use
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /** Trace signature: (iteration, mean training loss). */
    using IterationTracedCallback = void (*)(uint32_t iteration, double trainLoss);
    /** Trace signature: (iteration, fragments averaged in, coordinates touched). */
    using AggregationTracedCallback = void (*)(uint32_t iteration,
                                               uint32_t fragments,
                                               uint32_t coordinates);
    /** Trace signature: (peer, fragment id, iteration, bytes). */
    using FragmentSentTracedCallback = void (*)(uint32_t peer,
                                                uint32_t fragment,
                                                uint32_t iteration,
                                                uint32_t bytes);
    /** Trace signature: (sender, fragment id, bytes, latency since the transfer started). */
    using FragmentReceivedTracedCallback = void (*)(uint32_t sender,
                                                    uint32_t fragment,
                                                    uint32_t bytes,
                                                    Time latency);
    /** Trace signature: (peer, fragment id, bytes). */
    using FragmentFlushedTracedCallback = void (*)(uint32_t peer,
                                                   uint32_t fragment,
                                                   uint32_t bytes);

  protected:
    void DoDispose() override;

    /** \return the number of fragments Ω the model is cut into (1: whole models) */
    virtual uint32_t GetFragmentCount() const;
    /** \return the Degree attribute (what it means is the algorithm's) */
    uint32_t GetDegree() const;
    /** \return the experiment-wide seed (the Seed attribute), shared by all nodes */
    uint64_t GetSeed() const;
    /** \brief Called after every local training: enqueue what to send. */
    virtual void ShareModel() = 0;
    /**
     * \brief Called for every message that arrives; the default stores it in the inbox.
     * \param header its header
     * \param values its values (may be moved from)
     * \return false to reject it as malformed
     */
    virtual bool HandleMessage(const DivShareHeader& header, std::vector<float>& values);
    /** \return whether the node may aggregate and go on now (D-PSGD waits for neighbours) */
    virtual bool IsReadyToAggregate() const;

    /**
     * \brief Values of one fragment of the current model, shared by all its sends.
     * \param fragment fragment id
     * \return the values
     */
    std::shared_ptr<const std::vector<float>> ExtractFragment(uint32_t fragment) const;
    /**
     * \brief Queue a message.
     * \param peer destination
     * \param fragment fragment id
     * \param values its values
     * \param type message type
     */
    void Send(uint32_t peer,
              uint32_t fragment,
              std::shared_ptr<const std::vector<float>> values,
              uint8_t type = DivShareHeader::FRAGMENT);
    /** \brief Drop every queued, unsent message. */
    void FlushSendQueue();
    /** \return the received fragments awaiting aggregation */
    FragmentInbox& GetInbox();
    /** \return the received fragments awaiting aggregation, for IsReadyToAggregate() */
    const FragmentInbox& GetInbox() const;
    /**
     * \param bound exclusive bound, at least 1
     * \return a uniform integer in [0, bound) from this node's random stream
     */
    uint32_t DrawBelow(uint32_t bound);

    /**
     * The drawing node and node count to give the protocol's samplers (peer-sampling.h):
     * this node among all of them, or, with a membership view, a last node after the known
     * peers, so that the samplers draw positions in the view; PeerAt() maps a draw back.
     */
    struct Candidates
    {
        uint32_t self;  //!< the drawing node's position, never drawn
        uint32_t nodes; //!< positions, the drawing node's included
    };

    /** \return where to draw peers from (see Candidates) */
    Candidates GetCandidates() const;
    /** \return the peer a draw among GetCandidates() stands for */
    uint32_t PeerAt(uint32_t drawn) const;
    /** \brief Re-check IsReadyToAggregate() after a state change and go on if it holds. */
    void ResumeIfReady();

  private:
    void StartApplication() override;
    void StopApplication() override;
    /** \brief Stop training and close the transport (once). */
    void Shutdown();

    void ScheduleTraining();
    void SubmitTraining(Time needed);
    void FinishTraining();
    void CancelTraining();
    void AggregateAndContinue();
    bool Receive(const DivShareHeader& header, std::vector<float>& values);
    bool ExpectsHeader(const DivShareHeader& header) const;
    /** Connect (or disconnect) the transport's callbacks and traces to this application. */
    void WireTransport(bool connect);
    void NotifyTransferCompleted(uint32_t peer,
                                 const DivShareHeader& header,
                                 uint32_t bytes,
                                 Time duration);
    void NotifyMessageReceived(const DivShareHeader& header, uint32_t bytes, Time latency);
    void NotifyMessageFlushed(uint32_t peer, uint32_t fragment, uint32_t bytes);

    uint32_t m_localSteps;
    uint32_t m_degree;
    Ptr<RandomVariableStream> m_computeTime;
    uint64_t m_seed;
    Ptr<UniformRandomVariable> m_uniform;
    Ptr<ModelTransport> m_transport;
    std::unique_ptr<Learner> m_learner;
    std::optional<ModelFragmenter> m_fragmenter;
    FragmentInbox m_inbox;
    ModelAggregator m_aggregator;
    std::vector<float> m_model; //!< the model as of the end of the last iteration
    uint32_t m_self{0};
    uint32_t m_nodes{0};
    std::vector<Address> m_peers;
    uint32_t m_iteration{0};
    bool m_halted{false};
    bool m_departed{false};       //!< halted before the end of the run (left or crashed)
    bool m_viewActive{false};     //!< a peer is or was unknown: draw from m_view
    std::vector<uint32_t> m_view; //!< the known peers, in index order, when active
    bool m_waiting{false};        //!< trained and shared, waiting to be allowed to aggregate
    EventId m_trainingEvent;
    /** The current iteration's training, on a LearningWorkerPool worker; its outputs below. */
    std::shared_ptr<LearningWorkerPool::Job> m_trainingJob;
    double m_trainedLoss{0.0};
    std::vector<float> m_trainedModel;
    double m_trainedWallSeconds{0.0};
    double m_trainingWallSeconds{0.0};

    TracedCallback<uint32_t, double> m_iterationTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t> m_aggregationTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t, uint32_t> m_fragmentSentTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t, Time> m_fragmentReceivedTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t> m_fragmentFlushedTrace;
};

} // namespace ns3

#endif /* DIVSHARE_DECENTRALIZED_LEARNING_APPLICATION_H */
