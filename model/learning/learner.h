/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DIVSHARE_LEARNER_H
#define DIVSHARE_LEARNER_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup divshare
 * \brief Result of evaluating a model on a test set.
 *
 * For classification, accuracy is the fraction of correct predictions and loss the mean
 * cross-entropy; for rating prediction, accuracy is NaN, loss is the RMSE and mae the mean
 * absolute error.
 */
struct EvaluationResult
{
    double accuracy{0.0}; //!< fraction in [0, 1], NaN when the task has no accuracy
    double loss{0.0};     //!< mean test loss (cross-entropy, or RMSE for rating tasks)
    double mae{0.0};      //!< mean absolute error (rating tasks; NaN otherwise)
    uint64_t samples{0};  //!< number of test samples evaluated
};

/**
 * \ingroup divshare
 * \brief One node's model and local data: the learning layer's only interface.
 *
 * The networking side sees a model as one flat float32 vector made of consecutive
 * tensors (GetTensorSizes()). Implementations live in .cc files that include LibTorch;
 * this header stays free of it so that ns-3 code never sees torch's macros.
 */
class Learner
{
  public:
    virtual ~Learner();

    /** \return the number of float parameters of the model */
    std::size_t GetParameterCount() const;
    /** \return the sizes of the model's tensors, in flat-vector order */
    std::vector<std::size_t> GetTensorSizes() const;
    /** \return a copy of the model's parameters as one flat vector */
    std::vector<float> GetParameters() const;
    /**
     * \brief Overwrite the model's parameters.
     * \param parameters flat vector of GetParameterCount() values
     */
    void SetParameters(const std::vector<float>& parameters);

    /**
     * \brief Run local SGD steps on the node's own data.
     * \param steps number of mini-batch steps
     * \return the mean training loss over those steps
     */
    virtual double Train(uint32_t steps) = 0;
    /**
     * \brief Evaluate a snapshot of this model on the workload's test set.
     *
     * Thread-safe, also while Train() runs on another thread: it reads neither the model's
     * own parameters nor anything Train() writes.
     * \param parameters flat vector of GetParameterCount() values
     * \return the accuracy and loss of a model with those parameters
     */
    virtual EvaluationResult Evaluate(const std::vector<float>& parameters) const = 0;
    /** \return the accuracy and loss of the model's current parameters */
    EvaluationResult Evaluate() const;
    /** \return the number of local training samples */
    virtual std::size_t GetLocalSampleCount() const = 0;

  protected:
    /** A contiguous block of parameters owned by the implementation. */
    struct ParameterSpan
    {
        float* data;      //!< first value
        std::size_t size; //!< number of values
    };

    /** \return the model's parameter tensors as raw spans, in a fixed order */
    virtual std::vector<ParameterSpan> GetParameterSpans() const = 0;
};

/**
 * \ingroup divshare
 * \brief Make a learner, turning a LibTorch error (an allocation that fails for a model too
 * large, say) into a one-line std::runtime_error instead of LibTorch's stack trace.
 * \param what the model, for the message
 * \param make makes the learner
 * \return the learner
 * \throws std::runtime_error naming what failed
 */
std::unique_ptr<Learner> MakeLearnerChecked(const std::string& what,
                                            const std::function<std::unique_ptr<Learner>()>& make);

} // namespace ns3

#endif /* DIVSHARE_LEARNER_H */
